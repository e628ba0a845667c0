package io.culex.bootstrap.tools.bench;

import io.culex.adapters.netty.client.ClientListener;
import io.culex.adapters.netty.client.MqttClientConnection;
import io.culex.adapters.netty.client.ReceivedMessage;
import io.culex.adapters.netty.loadgen.LoadGenerator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * sessions: state for a broker's restart. Creates --connections persistent sessions (clean session off), each
 * with one subscription to its own topic at --qos, by connecting, subscribing and disconnecting, a bounded
 * number at a time (so that neither side needs a descriptor per session); then publishes --retained retained
 * messages at QoS 1, each to its own topic, from one connection. Everything is left on the broker: this
 * scenario is for measuring what a broker restores at start-up, against a broker started for that.
 */
final class SessionsScenario {

    /** Sessions being created at once, as conn's handshakes in progress. */
    static final int MAX_PENDING = ConnScenario.MAX_PENDING;
    private static final Duration STALL = Duration.ofSeconds(60);

    private final BenchOptions options;
    private final PrintStream err;

    SessionsScenario(BenchOptions options, PrintStream err) {
        this.options = options;
        this.err = err;
    }

    Report run() throws BenchFailure {
        RunId run = RunId.random();
        BenchConnections connections = new BenchConnections(options);
        int count = options.connections();
        Report.Builder report = new Report.Builder(RunHeader.title(options, String.format(Locale.ROOT,
                "%,d persistent sessions with a QoS %d subscription each, %,d retained messages, left on the broker",
                count, options.qos(), options.retained())));
        report.add(Metric.text("scenario", "scenario", options.scenario().label()))
                .add(Metric.count("sessions", "sessions asked", count))
                .add(Metric.count("retained", "retained messages asked", options.retained()));
        long cpuStart = ProcessCpu.nanos();
        long start = System.nanoTime();
        long created = createSessions(run, connections, count, report);
        long sessionsNanos = System.nanoTime() - start;
        report.add(Metric.count("sessions_created", "sessions created", created))
                .add(Metric.measure("sessions_per_s", "session creation rate", created / (sessionsNanos / 1e9),
                        "sessions/s"));
        if (created < count) {
            report.fail((count - created) + " of " + count + " sessions were not created");
        }
        if (options.retained() > 0) {
            long retainedStart = System.nanoTime();
            long stored = publishRetained(run, connections, report);
            long retainedNanos = System.nanoTime() - retainedStart;
            report.add(Metric.count("retained_stored", "retained messages acknowledged", stored))
                    .add(Metric.measure("retained_per_s", "retained publish rate", stored / (retainedNanos / 1e9),
                            "msg/s"));
        }
        long wall = System.nanoTime() - start;
        TrafficReport.cpu(report, cpuStart < 0 ? -1 : ProcessCpu.nanos() - cpuStart, wall, 0);
        return report.build();
    }

    /** Connect (clean session off), subscribe, disconnect; MAX_PENDING at a time. Returns how many got a SUBACK. */
    private long createSessions(RunId run, BenchConnections connections, int count, Report.Builder report)
            throws BenchFailure {
        AtomicLong created = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Semaphore pending = new Semaphore(MAX_PENDING);
        try (LoadGenerator generator = TrafficScenario.newGenerator(options);
                Progress progress = Progress.start(options.progress(), err,
                        () -> String.format(Locale.ROOT, "%,d sessions created", created.get()))) {
            for (int i = 0; i < count; i++) {
                if (!pending.tryAcquire(STALL.toSeconds(), TimeUnit.SECONDS)) {
                    throw new BenchFailure("no SUBACK for " + MAX_PENDING + " sessions in " + DurationArgument.format(STALL));
                }
                ConnectionFailures ignored = new ConnectionFailures();
                ignored.closing();
                String clientId = run.clientId("s", i);
                Subscriber session = new Subscriber(clientId, run.topicPrefix() + "/s/" + i, options.qos(), true, 0,
                        ignored);
                session.ready().whenComplete((present, failure) -> {
                    if (failure == null) {
                        created.incrementAndGet();
                        session.disconnect();
                    } else {
                        firstFailure.compareAndSet(null, failure.getMessage());
                    }
                });
                session.closed().whenComplete((v, e) -> pending.release());
                generator.connect(connections.forClient(clientId, false), session);
            }
            if (!pending.tryAcquire(MAX_PENDING, STALL.toSeconds(), TimeUnit.SECONDS)) {
                report.fail("not every session was closed within " + DurationArgument.format(STALL));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted while creating sessions");
        }
        if (firstFailure.get() != null) {
            report.fail("first session failure: " + firstFailure.get());
        }
        return created.get();
    }

    /** QoS 1 retained messages, one per topic, up to the --inflight window unacknowledged; returns those acknowledged. */
    private long publishRetained(RunId run, BenchConnections connections, Report.Builder report) throws BenchFailure {
        AtomicLong stored = new AtomicLong();
        Semaphore window = new Semaphore(options.inflight());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        String clientId = run.clientId("r", 0);
        try (MqttClientConnection connection = MqttClientConnection.open(connections.forClient(clientId, true),
                        new ClientListener() {
                            @Override
                            public void messageArrived(ReceivedMessage message) {
                            }
                        });
                Progress progress = Progress.start(options.progress(), err,
                        () -> String.format(Locale.ROOT, "%,d retained messages stored", stored.get()))) {
            connection.connected().get(TrafficScenario.CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            byte[] payload = new byte[options.payloadSize()]; // never modified: shared by every PUBLISH
            for (int i = 0; i < options.retained() && failure.get() == null; i++) {
                if (!window.tryAcquire(STALL.toSeconds(), TimeUnit.SECONDS)) {
                    report.fail("retained messages stalled: no PUBACK for " + DurationArgument.format(STALL));
                    return stored.get();
                }
                connection.publish(run.topicPrefix() + "/r/" + i, payload, 1, true).whenComplete((v, e) -> {
                    if (e == null) {
                        stored.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, e);
                    }
                    window.release();
                });
            }
            if (!window.tryAcquire(options.inflight(), STALL.toSeconds(), TimeUnit.SECONDS)) {
                report.fail("not every retained message was acknowledged within " + DurationArgument.format(STALL));
            }
            if (failure.get() != null) {
                report.fail("retained publish failed: " + ConnectionFailures.describe(failure.get()));
            }
            connection.disconnect().get(TrafficScenario.CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted while publishing retained messages");
        } catch (ExecutionException e) {
            throw new BenchFailure(ConnectionFailures.describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new BenchFailure("the retained publisher's connection timed out");
        }
        return stored.get();
    }
}
