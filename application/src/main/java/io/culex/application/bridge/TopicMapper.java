package io.culex.application.bridge;

import io.culex.domain.topic.Topics;
import java.util.List;

/**
 * Maps topic names across a bridge as its {@code topic} lines say: a message keeps the part after the
 * matching line's prefix, which is replaced by the other side's prefix. The first matching line wins.
 */
final class TopicMapper {

    private final List<BridgeTopic> outTopics;
    private final List<BridgeTopic> inTopics;

    TopicMapper(List<BridgeTopic> topics) {
        outTopics = topics.stream().filter(topic -> topic.direction().carriesOut()).toList();
        inTopics = topics.stream().filter(topic -> topic.direction().carriesIn()).toList();
    }

    List<BridgeTopic> outTopics() {
        return outTopics;
    }

    List<BridgeTopic> inTopics() {
        return inTopics;
    }

    /** @return the remote topic for a local message, or null if no out/both line carries it */
    String toRemote(String localTopic) {
        for (BridgeTopic topic : outTopics) {
            if (carries(topic.localFilter(), topic.localPrefix(), localTopic)) {
                return topic.remotePrefix() + localTopic.substring(topic.localPrefix().length());
            }
        }
        return null;
    }

    /** @return the local topic for a remote message, or null if no in/both line carries it */
    String toLocal(String remoteTopic) {
        for (BridgeTopic topic : inTopics) {
            if (carries(topic.remoteFilter(), topic.remotePrefix(), remoteTopic)) {
                return topic.localPrefix() + remoteTopic.substring(topic.remotePrefix().length());
            }
        }
        return null;
    }

    /** The filter must match, and the prefix be there to strip ("a/#" also matches "a", which has no "a/"). */
    private static boolean carries(String filter, String prefix, String topic) {
        return topic.startsWith(prefix) && Topics.matches(filter, topic);
    }
}
