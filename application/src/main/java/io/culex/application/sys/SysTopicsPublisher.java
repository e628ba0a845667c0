package io.culex.application.sys;

import io.culex.application.Broker;
import io.culex.application.bridge.BridgeMonitor;
import io.culex.application.metrics.BrokerMetrics.Totals;
import io.culex.domain.port.Clock;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Publishes Mosquitto 2.0's {@code $SYS/broker/...} tree: retained, QoS 0. The version once at
 * {@link #start}; then at every {@link #publish} (called every sys_interval by the scheduler in
 * bootstrap) the uptime always and every other value only when it changed, as Mosquitto does; plus, Culex's own,
 * each bridge's state and counters under {@code $SYS/broker/bridges/<name>/} ({@link BridgeSysTopics}).
 * Time comes from the {@link Clock} port only. Calls are serialised; any thread may make them.
 */
public final class SysTopicsPublisher {

    private static final String PREFIX = "$SYS/broker/";

    private final Broker broker;
    private final Clock clock;
    private final String version;
    private final LongSupplier heapUsedBytes;
    private final SysValues out;
    private final BridgeSysTopics bridges;
    private final List<LoadAverage> loads = List.of(
            load("messages/received", Totals::packetsReceived),
            load("messages/sent", Totals::packetsSent),
            load("publish/dropped", Totals::publishDropped),
            load("publish/received", Totals::publishReceived),
            load("publish/sent", Totals::publishSent),
            load("bytes/received", Totals::bytesReceived),
            load("bytes/sent", Totals::bytesSent),
            load("sockets", Totals::socketsOpened),
            load("connections", Totals::connectsReceived));

    private long startMillis;
    private long lastUpdateMillis;
    private Totals lastTotals;
    private long maximumClients;
    private long maximumHeap;

    /** A broker without bridges. */
    public SysTopicsPublisher(Broker broker, Clock clock, String version, LongSupplier heapUsedBytes) {
        this(broker, clock, version, heapUsedBytes, BridgeMonitor.NONE);
    }

    /**
     * @param version       e.g. "0.1.0", published as "culex version 0.1.0"
     * @param heapUsedBytes the JVM heap in use now, read once per update
     * @param bridges       the configured bridges, each published under {@code $SYS/broker/bridges/<name>/}
     */
    public SysTopicsPublisher(Broker broker, Clock clock, String version, LongSupplier heapUsedBytes,
                              BridgeMonitor bridges) {
        this.broker = broker;
        this.clock = clock;
        this.version = version;
        this.heapUsedBytes = heapUsedBytes;
        this.out = new SysValues(broker::publishFromBroker);
        this.bridges = new BridgeSysTopics(bridges, out);
    }

    private static LoadAverage load(String name, ToLongFunction<Totals> counter) {
        return new LoadAverage(PREFIX + "load/" + name, counter);
    }

    /** Publishes the static values and a first full update; uptime counts from here. */
    public synchronized void start() {
        if (lastTotals != null) {
            throw new IllegalStateException("already started");
        }
        startMillis = clock.monotonicMillis();
        lastUpdateMillis = startMillis;
        out.publish(PREFIX + "version", "culex version " + version);
        Totals totals = broker.metrics().totals();
        publishValues(startMillis, totals);
        loads.forEach(load -> load.publishInitial(out));
        lastTotals = totals;
    }

    /** One periodic update. */
    public synchronized void publish() {
        if (lastTotals == null) {
            throw new IllegalStateException("start() first");
        }
        long now = clock.monotonicMillis();
        Totals totals = broker.metrics().totals();
        publishValues(now, totals);
        double elapsedSeconds = (now - lastUpdateMillis) / 1000.0;
        // A zero interval has no rate; keep the baseline so its traffic counts in the next one.
        if (elapsedSeconds > 0) {
            for (LoadAverage load : loads) {
                load.update(lastTotals, totals, elapsedSeconds, out);
            }
            lastTotals = totals;
            lastUpdateMillis = now;
        }
    }

    private void publishValues(long now, Totals totals) {
        out.publish(PREFIX + "uptime", (now - startMillis) / 1000 + " seconds");
        publishClients(totals);
        publishStore();
        publishHeap();
        publishCounters(totals);
        bridges.publish();
    }

    /** Mosquitto: total = every session known (connected or persistent offline); maximum = the highest total seen. */
    private void publishClients(Totals totals) {
        long total = broker.sessionCount();
        long connected = broker.metrics().clientsConnected();
        long disconnected = Math.max(0, total - connected);
        maximumClients = Math.max(maximumClients, total);
        out.publishIfChanged(PREFIX + "clients/total", total);
        out.publishIfChanged(PREFIX + "clients/maximum", maximumClients);
        out.publishIfChanged(PREFIX + "clients/connected", connected);
        out.publishIfChanged(PREFIX + "clients/active", connected);
        out.publishIfChanged(PREFIX + "clients/disconnected", disconnected);
        out.publishIfChanged(PREFIX + "clients/inactive", disconnected);
        out.publishIfChanged(PREFIX + "clients/expired", totals.sessionsExpired());
    }

    /** Culex's message store is its retained messages: session queues are not counted (see README). */
    private void publishStore() {
        long retained = broker.retainedCount();
        out.publishIfChanged(PREFIX + "messages/stored", retained);
        out.publishIfChanged(PREFIX + "store/messages/count", retained);
        out.publishIfChanged(PREFIX + "store/messages/bytes", broker.retainedBytes());
        out.publishIfChanged(PREFIX + "subscriptions/count", broker.subscriptionCount());
        out.publishIfChanged(PREFIX + "retained messages/count", retained);
    }

    /** Maximum is the largest heap use seen at an update (Mosquitto: the largest ever used). */
    private void publishHeap() {
        long heap = heapUsedBytes.getAsLong();
        maximumHeap = Math.max(maximumHeap, heap);
        out.publishIfChanged(PREFIX + "heap/current", heap);
        out.publishIfChanged(PREFIX + "heap/maximum", maximumHeap);
    }

    private void publishCounters(Totals totals) {
        out.publishIfChanged(PREFIX + "messages/received", totals.packetsReceived());
        out.publishIfChanged(PREFIX + "messages/sent", totals.packetsSent());
        out.publishIfChanged(PREFIX + "publish/messages/dropped", totals.publishDropped());
        out.publishIfChanged(PREFIX + "publish/messages/received", totals.publishReceived());
        out.publishIfChanged(PREFIX + "publish/messages/sent", totals.publishSent());
        out.publishIfChanged(PREFIX + "bytes/received", totals.bytesReceived());
        out.publishIfChanged(PREFIX + "bytes/sent", totals.bytesSent());
        out.publishIfChanged(PREFIX + "publish/bytes/received", totals.publishBytesReceived());
        out.publishIfChanged(PREFIX + "publish/bytes/sent", totals.publishBytesSent());
    }
}
