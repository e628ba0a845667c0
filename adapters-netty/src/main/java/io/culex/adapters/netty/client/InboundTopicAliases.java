package io.culex.adapters.netty.client;

import java.util.HashMap;
import java.util.Map;

/**
 * The Topic Aliases the broker set up towards this client (MQTT 5 section 3.3.2.3.4): a PUBLISH
 * with a topic and an alias maps the alias to the topic for the rest of the connection; one with
 * an empty topic and an alias means the mapped topic.
 */
public final class InboundTopicAliases {

    /** DISCONNECT reason codes for the two ways the broker can get aliases wrong. */
    static final int PROTOCOL_ERROR = 0x82;
    static final int TOPIC_ALIAS_INVALID = 0x94;

    private final int maximum;
    private final Map<Integer, String> topics = new HashMap<>();

    /** @param maximum the Topic Alias Maximum the client sent in CONNECT, 0 if none */
    public InboundTopicAliases(int maximum) {
        this.maximum = maximum;
    }

    /**
     * The PUBLISH's topic with its alias applied.
     *
     * @param alias the Topic Alias property, or {@code null}
     * @throws Violation if the alias is 0 or above the maximum (0x94), or empty-topic with an alias
     *     never mapped (0x82)
     */
    public String resolve(String topic, Integer alias) {
        if (alias == null) {
            return topic;
        }
        if (alias == 0 || alias > maximum) {
            throw new Violation(TOPIC_ALIAS_INVALID, "topic alias " + alias + " is outside 1.." + maximum);
        }
        if (!topic.isEmpty()) {
            topics.put(alias, topic);
            return topic;
        }
        String mapped = topics.get(alias);
        if (mapped == null) {
            throw new Violation(PROTOCOL_ERROR, "topic alias " + alias + " was never mapped to a topic");
        }
        return mapped;
    }

    /** The broker broke an alias rule: the client must DISCONNECT with {@link #reasonCode()}. */
    public static final class Violation extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int reasonCode;

        Violation(int reasonCode, String message) {
            super(message);
            this.reasonCode = reasonCode;
        }

        public int reasonCode() {
            return reasonCode;
        }
    }
}
