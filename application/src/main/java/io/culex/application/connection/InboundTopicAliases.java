package io.culex.application.connection;

/**
 * The topic aliases a client set up towards the broker (MQTT 5, 3.3.2.3.4): alias → topic,
 * for this network connection only. Not thread-safe: used on the session's thread.
 */
final class InboundTopicAliases {

    /** What resolving a PUBLISH's topic gave. */
    enum Problem { NONE, ALIAS_OUT_OF_RANGE, UNKNOWN_ALIAS, NO_TOPIC }

    private final String[] topics;
    private Problem problem = Problem.NONE;

    /** @param maximum the Topic Alias Maximum the broker announced in CONNACK */
    InboundTopicAliases(int maximum) {
        this.topics = new String[maximum + 1];
    }

    /**
     * The PUBLISH's topic: its own (remembered under its alias if it has one) or the one its alias
     * stands for. Null if it cannot be resolved; {@link #problem()} then says why.
     */
    String resolve(String topic, int alias) {
        if (alias == PublishRequest.NO_ALIAS) {
            return topic.isEmpty() ? fail(Problem.NO_TOPIC) : topic;
        }
        if (alias == 0 || alias >= topics.length) {
            return fail(Problem.ALIAS_OUT_OF_RANGE);
        }
        if (!topic.isEmpty()) {
            topics[alias] = topic;
            return topic;
        }
        return topics[alias] != null ? topics[alias] : fail(Problem.UNKNOWN_ALIAS);
    }

    Problem problem() {
        return problem;
    }

    private String fail(Problem reason) {
        problem = reason;
        return null;
    }
}
