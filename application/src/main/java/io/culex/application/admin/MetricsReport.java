package io.culex.application.admin;

import io.culex.application.metrics.BrokerMetrics;
import io.culex.application.metrics.DropReason;
import io.culex.application.persistence.StoreStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything $SYS publishes, plus drops by reason, per-listener traffic, storage and the JVM, as metric
 * families, with the durable store's writes (batches, time spent, failures, queue) when persistence is on,
 * and each bridge's state and traffic labelled with its name.
 */
public final class MetricsReport {

    private final AdminService admin;
    private final BrokerMetrics metrics;
    private final String version;

    /** @param version reported as the culex_build_info label */
    public MetricsReport(AdminService admin, BrokerMetrics metrics, String version) {
        this.admin = admin;
        this.metrics = metrics;
        this.version = version;
    }

    public List<MetricFamily> collect() {
        BrokerStats stats = admin.stats();
        BrokerMetrics.Totals totals = stats.totals();
        List<MetricFamily> families = new ArrayList<>();
        families.add(new MetricFamily("culex_build_info", "The Culex version, as a label.", MetricFamily.Type.GAUGE,
                List.of(new MetricFamily.Sample(Map.of("version", version), 1))));
        families.add(MetricFamily.gauge("culex_uptime_seconds", "Seconds since the broker started.",
                stats.uptimeSeconds()));
        families.add(MetricFamily.gauge("culex_clients_connected", "Clients connected now.",
                stats.clientsConnected()));
        families.add(MetricFamily.gauge("culex_clients_disconnected",
                "Persistent sessions whose client is offline.", stats.clientsDisconnected()));
        families.add(MetricFamily.gauge("culex_sessions", "Sessions known, connected or offline.", stats.sessions()));
        families.add(MetricFamily.counter("culex_sessions_expired_total", "Persistent sessions expired.",
                totals.sessionsExpired()));
        families.add(MetricFamily.gauge("culex_subscriptions", "Subscriptions of every session.",
                stats.subscriptions()));
        families.add(MetricFamily.counter("culex_packets_received_total", "MQTT packets of every type received.",
                totals.packetsReceived()));
        families.add(MetricFamily.counter("culex_packets_sent_total", "MQTT packets of every type sent.",
                totals.packetsSent()));
        families.add(MetricFamily.counter("culex_publish_received_total",
                "PUBLISH packets received from clients (and messages published through the admin API).",
                totals.publishReceived()));
        families.add(MetricFamily.counter("culex_publish_sent_total", "PUBLISH packets sent to clients.",
                totals.publishSent()));
        families.add(drops());
        families.add(MetricFamily.counter("culex_received_bytes_total", "Bytes read from client sockets.",
                totals.bytesReceived()));
        families.add(MetricFamily.counter("culex_sent_bytes_total", "Bytes written to client sockets.",
                totals.bytesSent()));
        families.add(MetricFamily.counter("culex_publish_received_payload_bytes_total",
                "Payload bytes of the PUBLISH packets received.", totals.publishBytesReceived()));
        families.add(MetricFamily.counter("culex_publish_sent_payload_bytes_total",
                "Payload bytes of the PUBLISH packets sent.", totals.publishBytesSent()));
        families.add(MetricFamily.counter("culex_sockets_opened_total", "Network connections accepted.",
                totals.socketsOpened()));
        families.add(MetricFamily.counter("culex_connects_received_total", "CONNECT packets, accepted or not.",
                totals.connectsReceived()));
        families.addAll(storage(stats));
        admin.storeStats().ifPresent(store -> families.addAll(storeWrites(store)));
        families.addAll(listeners());
        families.addAll(BridgeMetrics.of(admin.bridges()));
        families.addAll(JvmMetrics.read());
        return families;
    }

    private MetricFamily drops() {
        List<MetricFamily.Sample> samples = new ArrayList<>();
        for (DropReason reason : DropReason.values()) {
            samples.add(new MetricFamily.Sample(Map.of("reason", reason.label()), metrics.messagesDropped(reason)));
        }
        return new MetricFamily("culex_publish_dropped_total", "PUBLISH messages not delivered, by reason.",
                MetricFamily.Type.COUNTER, samples);
    }

    private static List<MetricFamily> storage(BrokerStats stats) {
        Map<String, String> memory = Map.of("backend", "memory");
        return List.of(
                new MetricFamily("culex_retained_messages", "Retained messages stored, $SYS ones included.",
                        MetricFamily.Type.GAUGE, List.of(new MetricFamily.Sample(memory, stats.retainedMessages()))),
                new MetricFamily("culex_retained_payload_bytes", "Payload bytes of the retained messages stored.",
                        MetricFamily.Type.GAUGE, List.of(new MetricFamily.Sample(memory, stats.retainedBytes()))));
    }

    private static List<MetricFamily> storeWrites(StoreStats store) {
        return List.of(
                MetricFamily.counter("culex_store_batches_total", "Batches written to the durable store (one fsync each).",
                        store.batches()),
                MetricFamily.counter("culex_store_operations_total", "Changes written to the durable store.",
                        store.operations()),
                MetricFamily.counter("culex_store_apply_seconds_total",
                        "Time spent writing batches to the durable store; divided by the batches, the write latency.",
                        store.applySeconds()),
                MetricFamily.counter("culex_store_failed_batches_total",
                        "Batches the durable store refused (disk full, I/O error); their messages were refused.",
                        store.failedBatches()),
                MetricFamily.gauge("culex_store_queue_depth", "Changes waiting for the store writer now.",
                        store.queueDepth()));
    }

    private List<MetricFamily> listeners() {
        List<MetricFamily.Sample> clients = new ArrayList<>();
        List<MetricFamily.Sample> accepted = new ArrayList<>();
        List<MetricFamily.Sample> received = new ArrayList<>();
        List<MetricFamily.Sample> sent = new ArrayList<>();
        for (ListenerStatus status : admin.listeners()) {
            if (status.listener().protocol().equals("http_api")) {
                continue; // not an MQTT listener: its requests are not MQTT traffic
            }
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("listener", status.listener().host() + ":" + status.listener().port());
            labels.put("protocol", status.listener().protocol() + (status.listener().tls() ? "+tls" : ""));
            clients.add(new MetricFamily.Sample(labels, status.clientsConnected()));
            accepted.add(new MetricFamily.Sample(labels, status.socketsOpened()));
            received.add(new MetricFamily.Sample(labels, status.bytesReceived()));
            sent.add(new MetricFamily.Sample(labels, status.bytesSent()));
        }
        return List.of(
                new MetricFamily("culex_listener_clients_connected", "Clients connected now, per listener.",
                        MetricFamily.Type.GAUGE, clients),
                new MetricFamily("culex_listener_connections_accepted_total",
                        "Network connections accepted, per listener.", MetricFamily.Type.COUNTER, accepted),
                new MetricFamily("culex_listener_received_bytes_total", "Bytes read from sockets, per listener.",
                        MetricFamily.Type.COUNTER, received),
                new MetricFamily("culex_listener_sent_bytes_total", "Bytes written to sockets, per listener.",
                        MetricFamily.Type.COUNTER, sent));
    }
}
