package io.culex.bootstrap.tools.bench;

import java.util.Locale;
import java.util.Optional;

/** What a bench run measures; the defaults apply when the command line does not say. */
enum Scenario {
    /** N publishers, each on its own topic, to subscribers of one wildcard filter. */
    FANIN(4, 1),
    /** Publishers on one topic to N subscribers of it. */
    FANOUT(1, 10),
    /** N publisher/subscriber pairs, one topic each. */
    P2P(10, 10),
    /** N idle connections: connect rate, then held open. */
    CONN(0, 0),
    /** A fixed publish rate with timestamps in the payload: latency percentiles. */
    LATENCY(1, 1),
    /** A persistent session's queue filled while it is offline, then drained on reconnect. */
    DRAIN(1, 1),
    /** N persistent sessions with a subscription each, and retained messages, left on the broker. */
    SESSIONS(0, 0);

    private final int defaultPublishers;
    private final int defaultSubscribers;

    Scenario(int defaultPublishers, int defaultSubscribers) {
        this.defaultPublishers = defaultPublishers;
        this.defaultSubscribers = defaultSubscribers;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    int defaultPublishers() {
        return defaultPublishers;
    }

    int defaultSubscribers() {
        return defaultSubscribers;
    }

    static Optional<Scenario> named(String name) {
        for (Scenario scenario : values()) {
            if (scenario.label().equals(name)) {
                return Optional.of(scenario);
            }
        }
        return Optional.empty();
    }
}
