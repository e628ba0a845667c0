package io.culex.bootstrap.tools.bench;

import io.culex.adapters.netty.loadgen.LoadGenerator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * fanin, fanout, p2p and latency: subscribers first, then publishers, then the measured traffic, then
 * a wait for the last copies to arrive, then the accounting.
 */
final class TrafficScenario {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    /** Publishers whose acknowledgements stop coming for this long are reported as stalled. */
    static final Duration PUBLISH_STALL = Duration.ofSeconds(30);
    /** Once publishing is over, copies still missing after this long without any arriving are lost. */
    static final Duration RECEIVE_SETTLE = Duration.ofSeconds(5);

    private final BenchOptions options;
    private final PrintStream err;

    TrafficScenario(BenchOptions options, PrintStream err) {
        this.options = options;
        this.err = err;
    }

    Report run() throws BenchFailure {
        if (!options.warmup().isZero()) {
            err.println("culex bench: warming up for " + DurationArgument.format(options.warmup()));
            new TrafficScenario(options.forWarmup(), err).measure();
        }
        return measure();
    }

    private Report measure() throws BenchFailure {
        RunId run = RunId.random();
        Topology topology = new Topology(options.scenario(), run.topicPrefix(), options.publishers(),
                options.subscribers());
        ConnectionFailures failures = new ConnectionFailures();
        BenchConnections connections = new BenchConnections(options);
        // Publishers and subscribers on separate I/O threads: QoS 0 publishers flooding a broker that reads as
        // fast as they write would otherwise starve the subscribers' reads in the bench itself, and the bench,
        // not the broker, would decide what gets delivered.
        try (LoadGenerator subscriberSide = newGenerator(options); LoadGenerator publisherSide = newGenerator(options)) {
            List<Subscriber> subscribers = new ArrayList<>();
            for (int s = 0; s < options.subscribers(); s++) {
                Subscriber subscriber = new Subscriber(run.clientId("s", s), topology.filter(s), options.qos(), true,
                        options.publishers(), failures);
                subscribers.add(subscriber);
                subscriberSide.connect(connections.forClient(subscriber.clientId(), !options.persistent()), subscriber);
            }
            Awaits.all(subscribers.stream().map(Subscriber::ready).toList(), CONNECT_TIMEOUT, "subscriptions");
            List<Publisher> publishers = new ArrayList<>();
            long limit = options.durationDriven() ? Long.MAX_VALUE : options.messages();
            for (int p = 0; p < options.publishers(); p++) {
                Publisher publisher = new Publisher(p, run.clientId("p", p), topology.publishTopic(p), options.qos(),
                        options.payloadSize(), limit, options.inflight(), options.rate(), failures);
                publishers.add(publisher);
                publisherSide.connect(connections.forClient(publisher.clientId(), true), publisher);
            }
            Awaits.all(publishers.stream().map(Publisher::ready).toList(), CONNECT_TIMEOUT, "publishers' connections");
            TrafficSides sides = new TrafficSides(topology, publishers, subscribers);
            Report report;
            try {
                report = traffic(sides, failures);
            } finally {
                failures.closing();
                sides.disconnectAll();
            }
            if (options.persistent()) {
                // Clean-session connections with the same ids discard the sessions: repeated runs leave nothing.
                for (Subscriber subscriber : subscribers) {
                    DrainScenario.removeSession(subscriberSide, connections, subscriber.clientId(),
                            options.publishers());
                }
            }
            return report;
        }
    }

    private Report traffic(TrafficSides sides, ConnectionFailures failures) {
        Report.Builder report = new Report.Builder(RunHeader.title(options, RunHeader.trafficShape(options)));
        RunHeader.trafficSettings(options).forEach(report::add);
        long cpuStart = ProcessCpu.nanos();
        long start = System.nanoTime();
        long end = options.durationDriven() ? start + options.duration().toNanos() : Long.MAX_VALUE;
        try (Progress progress = Progress.start(options.progress(), err, new ProgressLine(sides::sent, sides::received))) {
            sides.publishers().forEach(p -> p.start(start, end));
            boolean published = Awaits.untilDoneOrStalled(
                    () -> sides.publishers().stream().allMatch(p -> p.finished().isDone()),
                    () -> sides.sent() + sides.completed(), PUBLISH_STALL);
            if (!published) {
                report.fail("publishing stalled: " + (sides.sent() - sides.completed())
                        + " messages unacknowledged for " + DurationArgument.format(PUBLISH_STALL));
            }
            boolean settled = Awaits.untilDoneOrStalled(() -> sides.received() >= sides.expected(), sides::received,
                    RECEIVE_SETTLE);
            if (!settled) {
                report.note("receiving stopped: nothing arrived for " + DurationArgument.format(RECEIVE_SETTLE));
            }
        }
        long wall = System.nanoTime() - start;
        long cpu = cpuStart < 0 ? -1 : ProcessCpu.nanos() - cpuStart;
        sides.received(); // makes the subscribers' accounting visible here
        boolean allFinished = sides.publishers().stream()
                .allMatch(p -> p.finished().isDone() && !p.finished().isCompletedExceptionally());
        long publishEnd = allFinished ? sides.lastFinishedNanos() : System.nanoTime();
        long lastReceived = sides.lastReceivedNanos();
        report.failAll(failures.list().stream().map(f -> "connection lost: " + f).toList());
        return TrafficReport.build(report, options.qos(), options.payloadSize(), sides.sent(), sides.deliveries(),
                sides.latency(), publishEnd - start, lastReceived == 0 ? 0 : lastReceived - start, cpu, wall);
    }

    static LoadGenerator newGenerator(BenchOptions options) throws BenchFailure {
        try {
            return new LoadGenerator(options.ioThreads(), options.tls());
        } catch (RuntimeException e) {
            throw new BenchFailure(ConnectionFailures.describe(e), e);
        }
    }
}
