package io.culex.adapters.netty;

import java.util.HashMap;
import java.util.Map;

/**
 * The topic aliases the broker uses towards one MQTT 5 client (up to the Topic Alias Maximum
 * the client gave in CONNECT). A topic gets an alias the first time it is sent, with the topic
 * itself; later PUBLISHes carry only the alias. When all aliases are taken, the least recently
 * used one is re-assigned, so frequent topics keep theirs. Used on one thread at a time.
 */
final class OutboundTopicAliases {

    /** What to put in a PUBLISH: {@code topic} ("" when the alias alone is enough) and {@code alias} (0: none). */
    record Choice(String topic, int alias, boolean assigned) {
    }

    /** Enough for the frequent topics of any client; bounds the search for a free alias. */
    private static final int MOST_ALIASES_USED = 256;

    /** For a client that takes no aliases (all MQTT 3 clients): holds nothing, so one instance serves all. */
    static final OutboundTopicAliases NONE = new OutboundTopicAliases(0);

    private final int maximum;
    private final Map<String, Integer> aliasByTopic = new HashMap<>();
    private final String[] topicByAlias;
    private final long[] lastUse;
    private long clock;

    static OutboundTopicAliases forClientMaximum(int clientMaximum) {
        return clientMaximum <= 0 ? NONE : new OutboundTopicAliases(clientMaximum);
    }

    OutboundTopicAliases(int clientMaximum) {
        this.maximum = Math.min(clientMaximum, MOST_ALIASES_USED);
        this.topicByAlias = new String[maximum + 1];
        this.lastUse = new long[maximum + 1];
    }

    Choice choose(String topic) {
        if (maximum == 0) {
            return new Choice(topic, 0, false);
        }
        Integer known = aliasByTopic.get(topic);
        if (known != null) {
            lastUse[known] = ++clock;
            return new Choice("", known, false);
        }
        int alias = freeOrLeastRecentlyUsed();
        if (topicByAlias[alias] != null) {
            aliasByTopic.remove(topicByAlias[alias]);
        }
        topicByAlias[alias] = topic;
        aliasByTopic.put(topic, alias);
        lastUse[alias] = ++clock;
        return new Choice(topic, alias, true);
    }

    /** The PUBLISH carrying a newly assigned alias was not sent: the client never learnt it. */
    void unsent(Choice choice) {
        if (choice.assigned()) {
            aliasByTopic.remove(choice.topic());
            topicByAlias[choice.alias()] = null;
            lastUse[choice.alias()] = 0;
        }
    }

    private int freeOrLeastRecentlyUsed() {
        int oldest = 1;
        for (int alias = 1; alias <= maximum; alias++) {
            if (topicByAlias[alias] == null) {
                return alias;
            }
            if (lastUse[alias] < lastUse[oldest]) {
                oldest = alias;
            }
        }
        return oldest;
    }
}
