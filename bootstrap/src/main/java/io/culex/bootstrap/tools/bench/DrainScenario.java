package io.culex.bootstrap.tools.bench;

import io.culex.adapters.netty.loadgen.LoadGenerator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * drain: a persistent session's queue. The subscriber (clean session off) subscribes and disconnects;
 * the publishers send their messages while it is offline, so the broker queues them; the subscriber
 * reconnects and the time from its CONNECT to the last message is the drain time. At the end the session
 * is removed (a clean-session connect with the same id), so repeated runs leave nothing behind.
 */
final class DrainScenario {

    private final BenchOptions options;
    private final PrintStream err;

    DrainScenario(BenchOptions options, PrintStream err) {
        this.options = options;
        this.err = err;
    }

    Report run() throws BenchFailure {
        RunId run = RunId.random();
        Topology topology = new Topology(Scenario.DRAIN, run.topicPrefix(), options.publishers(), 1);
        ConnectionFailures failures = new ConnectionFailures();
        BenchConnections connections = new BenchConnections(options);
        String subscriberId = run.clientId("s", 0);
        Report.Builder report = new Report.Builder(RunHeader.title(options, String.format(Locale.ROOT,
                "%s -> 1 persistent subscriber, QoS %d, %d-byte payloads, %,d messages each queued while it is offline",
                RunHeader.plural(options.publishers(), "publisher"), options.qos(), options.payloadSize(),
                options.messages())));
        RunHeader.trafficSettings(options).forEach(report::add);
        try (LoadGenerator generator = TrafficScenario.newGenerator(options)) {
            // 1. The session and its subscription, then offline.
            ConnectionFailures setupCloses = new ConnectionFailures();
            setupCloses.closing();
            Subscriber setup = new Subscriber(subscriberId, topology.filter(0), options.qos(), true,
                    options.publishers(), setupCloses);
            generator.connect(connections.forClient(subscriberId, false), setup);
            Awaits.all(List.of(setup.ready()), TrafficScenario.CONNECT_TIMEOUT, "the persistent subscription");
            setup.disconnect();
            Awaits.all(List.of(setup.closed()), TrafficScenario.CONNECT_TIMEOUT, "the subscriber's disconnect");

            // 2. Fill the queue. The publishers leave before the drain: their failures are collected apart.
            ConnectionFailures publisherFailures = new ConnectionFailures();
            List<Publisher> publishers = new ArrayList<>();
            for (int p = 0; p < options.publishers(); p++) {
                Publisher publisher = new Publisher(p, run.clientId("p", p), topology.publishTopic(p), options.qos(),
                        options.payloadSize(), options.messages(), options.inflight(), options.rate(), publisherFailures);
                publishers.add(publisher);
                generator.connect(connections.forClient(publisher.clientId(), true), publisher);
            }
            Awaits.all(publishers.stream().map(Publisher::ready).toList(), TrafficScenario.CONNECT_TIMEOUT,
                    "publishers' connections");
            long cpuStart = ProcessCpu.nanos();
            long start = System.nanoTime();
            publishers.forEach(p -> p.start(start, Long.MAX_VALUE));
            TrafficSides filling = new TrafficSides(topology, publishers, List.of());
            try (Progress progress = Progress.start(options.progress(), err,
                    () -> String.format(Locale.ROOT, "queued %,d", filling.completed()))) {
                if (!Awaits.untilDoneOrStalled(() -> publishers.stream().allMatch(p -> p.finished().isDone()),
                        filling::completed, TrafficScenario.PUBLISH_STALL)) {
                    report.fail("publishing stalled: " + (filling.sent() - filling.completed())
                            + " messages unacknowledged for " + DurationArgument.format(TrafficScenario.PUBLISH_STALL));
                }
            }
            long publishNanos = (publishers.stream().allMatch(p -> p.finished().isDone() && !p.finished().isCompletedExceptionally())
                    ? filling.lastFinishedNanos() : System.nanoTime()) - start;
            report.failAll(publisherFailures.list().stream().map(f -> "connection lost: " + f).toList());
            publisherFailures.closing();
            publishers.forEach(Publisher::disconnect);

            // 3. Reconnect and drain.
            Subscriber drainer = new Subscriber(subscriberId, topology.filter(0), options.qos(), false,
                    options.publishers(), failures);
            TrafficSides sides = new TrafficSides(topology, publishers, List.of(drainer));
            long reconnect = System.nanoTime();
            generator.connect(connections.forClient(subscriberId, false), drainer);
            Awaits.all(List.of(drainer.ready()), TrafficScenario.CONNECT_TIMEOUT, "the subscriber's reconnection");
            if (!drainer.ready().join()) {
                report.fail("the broker did not keep the session: CONNACK session present was 0");
            }
            try (Progress progress = Progress.start(options.progress(), err,
                    () -> String.format(Locale.ROOT, "drained %,d", sides.received()))) {
                if (!Awaits.untilDoneOrStalled(() -> sides.received() >= sides.expected(), sides::received,
                        TrafficScenario.RECEIVE_SETTLE)) {
                    report.note("draining stopped: nothing arrived for "
                            + DurationArgument.format(TrafficScenario.RECEIVE_SETTLE));
                }
            }
            long wall = System.nanoTime() - start;
            long cpu = cpuStart < 0 ? -1 : ProcessCpu.nanos() - cpuStart;
            DeliveryCounts counts = sides.deliveries();
            long drainNanos = drainer.lastReceivedNanos() == 0 ? 0 : drainer.lastReceivedNanos() - reconnect;
            report.add(Metric.count("messages_queued", "messages queued", filling.completed()))
                    .add(Metric.measure("queue_fill_per_s", "queued", filling.completed() / (publishNanos / 1e9), "msg/s"))
                    .add(Metric.count("messages_received", "messages drained", counts.received()))
                    .add(Metric.count("lost", "lost", counts.lost()))
                    .add(Metric.count("duplicates", "duplicates", counts.duplicates()))
                    .add(Metric.count("out_of_order", "out of order", counts.outOfOrder()))
                    .add(Metric.measure("drain_seconds", "drain took", drainNanos / 1e9, "s"))
                    .add(Metric.measure("drain_per_s", "drain rate", counts.received() / (drainNanos / 1e9), "msg/s"));
            TrafficReport.cpu(report, cpu, wall, counts.received());
            TrafficReport.verdict(report, options.qos(), counts);
            report.failAll(failures.list().stream().map(f -> "connection lost: " + f).toList());
            failures.closing();
            drainer.disconnect();
            Awaits.all(List.of(drainer.closed()), TrafficScenario.CONNECT_TIMEOUT, "the subscriber's disconnect");
            removeSession(generator, connections, subscriberId, options.publishers());
        }
        return report.build();
    }

    /** A clean-session connection with the same client id discards the persistent session on the broker. */
    static void removeSession(LoadGenerator generator, BenchConnections connections, String clientId,
            int publishers) throws BenchFailure {
        ConnectionFailures ignored = new ConnectionFailures();
        ignored.closing();
        Subscriber cleaner = new Subscriber(clientId, "unused", 1, false, publishers, ignored);
        generator.connect(connections.forClient(clientId, true), cleaner);
        Awaits.all(List.of(cleaner.ready()), TrafficScenario.CONNECT_TIMEOUT, "removing the session");
        cleaner.disconnect();
        Awaits.all(List.of(cleaner.closed()), TrafficScenario.CONNECT_TIMEOUT, "removing the session");
    }
}
