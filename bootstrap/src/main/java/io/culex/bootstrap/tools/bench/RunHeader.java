package io.culex.bootstrap.tools.bench;

import io.culex.adapters.netty.client.MqttVersion;
import io.culex.adapters.netty.loadgen.LoadGenerator;
import java.util.List;
import java.util.Locale;

/** The report title and the figures that describe the run itself (what was asked, against what). */
final class RunHeader {

    private RunHeader() {
    }

    static String title(BenchOptions o, String shape) {
        return String.format(Locale.ROOT, "culex bench %s: %s (%s:%d, MQTT %s%s, %s, %d I/O threads)",
                o.scenario().label(), shape, o.host(), o.port(), o.version() == MqttVersion.MQTT_3_1 ? "3.1" : "3.1.1",
                o.tls() == null ? "" : " over TLS", LoadGenerator.transportName(), o.ioThreads());
    }

    /** "4 publishers -> 1 subscriber, QoS 1, 64-byte payloads, 10,000 messages each". */
    static String trafficShape(BenchOptions o) {
        String amount = o.durationDriven() ? "for " + DurationArgument.format(o.duration())
                : String.format(Locale.ROOT, "%,d messages each", o.messages());
        String rate = o.rate() > 0 ? String.format(Locale.ROOT, " at %,d msg/s each", o.rate()) : "";
        return String.format(Locale.ROOT, "%s -> %s, QoS %d, %d-byte payloads, %s%s",
                plural(o.publishers(), "publisher"),
                plural(o.subscribers(), o.persistent() ? "persistent subscriber" : "subscriber"), o.qos(), o.payloadSize(),
                amount, rate);
    }

    static List<Metric> trafficSettings(BenchOptions o) {
        return List.of(
                Metric.text("scenario", "scenario", o.scenario().label()),
                Metric.count("qos", "QoS", o.qos()),
                Metric.count("payload_bytes", "payload", o.payloadSize()),
                Metric.count("publishers", "publishers", o.publishers()),
                Metric.count("subscribers", "subscribers", o.subscribers()));
    }

    static String plural(long count, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
    }
}
