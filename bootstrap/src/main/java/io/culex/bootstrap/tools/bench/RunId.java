package io.culex.bootstrap.tools.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Names that are unique to one run, so that runs against a shared broker (or a warm-up and the measured
 * run, or a persistent session left by an interrupted run) never see each other's messages.
 */
final class RunId {

    private final String id;

    private RunId(String id) {
        this.id = id;
    }

    static RunId random() {
        return new RunId(Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36));
    }

    String topicPrefix() {
        return "culex-bench/" + id;
    }

    /** "cb-&lt;id&gt;-p3": short, and within the 23 characters every MQTT 3.1 broker must accept. */
    String clientId(String role, int index) {
        return "cb-" + id + "-" + role + index;
    }
}
