package io.culex.bootstrap.tools.bench;

import java.util.List;

/** A run's publishers and subscribers with the topology joining them, and the totals over them. */
record TrafficSides(Topology topology, List<Publisher> publishers, List<Subscriber> subscribers) {

    TrafficSides {
        publishers = List.copyOf(publishers);
        subscribers = List.copyOf(subscribers);
    }

    long sent() {
        return publishers.stream().mapToLong(Publisher::sent).sum();
    }

    long completed() {
        return publishers.stream().mapToLong(Publisher::completed).sum();
    }

    /** Every PUBLISH received so far, duplicates included. Reading it makes the subscribers' counts visible. */
    long received() {
        return subscribers.stream().mapToLong(Subscriber::received).sum();
    }

    long receivedBytes() {
        return subscribers.stream().mapToLong(Subscriber::bytes).sum();
    }

    /** Copies the subscribers should receive for what has been sent. */
    long expected() {
        long expected = 0;
        for (int p = 0; p < publishers.size(); p++) {
            long sent = publishers.get(p).sent();
            for (int s = 0; s < subscribers.size(); s++) {
                if (topology.delivers(p, s)) {
                    expected += sent;
                }
            }
        }
        return expected;
    }

    /** Call after {@link #received()}: each (publisher, subscriber) pair's tracker against what was sent. */
    DeliveryCounts deliveries() {
        DeliveryCounts total = DeliveryCounts.NONE;
        for (int s = 0; s < subscribers.size(); s++) {
            Subscriber subscriber = subscribers.get(s);
            for (int p = 0; p < publishers.size(); p++) {
                if (topology.delivers(p, s)) {
                    total = total.plus(subscriber.countsFrom(p, publishers.get(p).sent()));
                }
            }
            total = total.withUnexpected(subscriber.unexpected());
        }
        return total;
    }

    LatencyHistogram latency() {
        LatencyHistogram merged = new LatencyHistogram();
        subscribers.forEach(s -> merged.add(s.latency()));
        return merged;
    }

    long lastReceivedNanos() {
        return subscribers.stream().mapToLong(Subscriber::lastReceivedNanos).max().orElse(0);
    }

    long lastFinishedNanos() {
        return publishers.stream().mapToLong(Publisher::finishedNanos).max().orElse(0);
    }

    void disconnectAll() {
        publishers.forEach(Publisher::disconnect);
        subscribers.forEach(Subscriber::disconnect);
    }
}
