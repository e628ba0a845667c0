package io.culex.bootstrap.tools.bench;

import java.util.List;

/**
 * The figures of a traffic run and the verdict on its counts: any loss at QoS 1/2 or duplicate at
 * QoS 2 fails the run; loss at QoS 0, duplicates at QoS 1 and reordering are reported as notes.
 */
final class TrafficReport {

    private static final double MB = 1e6;

    private TrafficReport() {
    }

    /**
     * @param publishNanos from the start to the last publisher finishing (QoS 1/2: its last acknowledgement)
     * @param receiveNanos from the start to the last message received
     * @param cpuNanos     this process's CPU over the run, -1 if unknown
     * @param wallNanos    the whole measured run, settling included
     */
    static Report build(Report.Builder report, int qos, int payloadSize, long sent, DeliveryCounts counts,
            LatencyHistogram latency, long publishNanos, long receiveNanos, long cpuNanos, long wallNanos) {
        double publishSeconds = publishNanos / 1e9;
        double receiveSeconds = receiveNanos / 1e9;
        report.add(Metric.count("messages_sent", "messages sent", sent))
                .add(Metric.count("messages_expected", "copies expected", counts.expected()))
                .add(Metric.count("messages_received", "copies received", counts.received()))
                .add(Metric.count("lost", "lost", counts.lost()))
                .add(Metric.count("duplicates", "duplicates", counts.duplicates()))
                .add(Metric.count("out_of_order", "out of order", counts.outOfOrder()))
                .add(Metric.count("unexpected", "foreign messages", counts.unexpected()))
                .add(Metric.measure("publish_seconds", "publishing took", publishSeconds, "s"))
                .add(Metric.measure("sent_per_s", "sent", rate(sent, publishSeconds), "msg/s"))
                .add(Metric.measure("sent_mb_per_s", "sent", rate(sent * (double) payloadSize / MB, publishSeconds),
                        "MB/s"))
                .add(Metric.measure("receive_seconds", "receiving took", receiveSeconds, "s"))
                .add(Metric.measure("received_per_s", "received", rate(counts.received(), receiveSeconds), "msg/s"))
                .add(Metric.measure("received_mb_per_s", "received",
                        rate(counts.received() * (double) payloadSize / MB, receiveSeconds), "MB/s"));
        latencies(report, latency);
        cpu(report, cpuNanos, wallNanos, counts.received());
        verdict(report, qos, counts);
        return report.build();
    }

    static void latencies(Report.Builder report, LatencyHistogram latency) {
        for (double[] p : List.of(new double[] {50, 0.50}, new double[] {90, 0.90}, new double[] {99, 0.99})) {
            long nanos = latency.count() == 0 ? -1 : latency.percentileNanos(p[1]);
            report.add(Metric.measure("latency_p" + (int) p[0] + "_ms", "latency p" + (int) p[0], millis(nanos), "ms"));
        }
        report.add(Metric.measure("latency_max_ms", "latency max", millis(latency.count() == 0 ? -1 : latency.maxNanos()),
                "ms"));
    }

    /** The load generator's own cost, so that a reader can tell whether it, not the broker, was the limit. */
    static void cpu(Report.Builder report, long cpuNanos, long wallNanos, long messages) {
        double cpuSeconds = cpuNanos < 0 ? Double.NaN : cpuNanos / 1e9;
        report.add(Metric.measure("bench_cpu_seconds", "bench CPU", cpuSeconds, "s"))
                .add(Metric.measure("bench_cpu_percent", "bench CPU", 100 * cpuSeconds / (wallNanos / 1e9),
                        "% of one core"));
        if (messages > 0) {
            report.add(Metric.measure("bench_cpu_us_per_msg", "bench CPU", cpuSeconds * 1e6 / messages,
                    "µs per message received"));
        }
    }

    static void verdict(Report.Builder report, int qos, DeliveryCounts counts) {
        if (counts.lost() > 0) {
            if (qos == 0) {
                report.note(counts.lost() + " copies lost at QoS 0 (allowed: a broker may drop QoS 0 messages)");
            } else {
                report.fail(counts.lost() + " copies lost at QoS " + qos);
            }
        }
        if (counts.duplicates() > 0) {
            if (qos == 2) {
                report.fail(counts.duplicates() + " duplicates at QoS 2");
            } else {
                report.note(counts.duplicates() + " duplicates at QoS " + qos + " (allowed)");
            }
        }
        if (counts.outOfOrder() > 0) {
            report.note(counts.outOfOrder() + " copies arrived after a later message of the same publisher");
        }
        if (counts.unexpected() > 0) {
            report.fail(counts.unexpected() + " messages that no publisher of this run sent");
        }
    }

    private static double rate(double amount, double seconds) {
        return seconds <= 0 ? Double.NaN : amount / seconds;
    }

    private static double millis(long nanos) {
        return nanos < 0 ? Double.NaN : nanos / 1e6;
    }
}
