package io.culex.bootstrap.tools.bench;

import io.culex.adapters.netty.loadgen.LoadGenerator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * conn: opens N connections with a bounded number of handshakes in progress (so that the listen backlog,
 * not the broker, is never what limits them), reports the connect rate, then holds them open.
 * When all are open it prints a line on stderr, so that a script can measure the broker while they are held.
 */
final class ConnScenario {

    /**
     * Connection attempts in progress at once. Mosquitto listens with a backlog of 100: more attempts than that
     * overflow it, the kernel drops their SYNs and they wait a second for the retransmission, which would
     * measure the backlog instead of the broker.
     */
    static final int MAX_PENDING = 64;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    private final BenchOptions options;
    private final PrintStream err;

    ConnScenario(BenchOptions options, PrintStream err) {
        this.options = options;
        this.err = err;
    }

    Report run() throws BenchFailure {
        RunId run = RunId.random();
        ConnectionFailures failures = new ConnectionFailures();
        BenchConnections connections = new BenchConnections(options);
        int count = options.connections();
        Report.Builder report = new Report.Builder(RunHeader.title(options, String.format(Locale.ROOT,
                "%,d idle connections held for %s", count, DurationArgument.format(options.hold()))));
        report.add(Metric.text("scenario", "scenario", options.scenario().label()))
                .add(Metric.count("connections", "connections asked", count));
        try (LoadGenerator generator = TrafficScenario.newGenerator(options)) {
            Semaphore pending = new Semaphore(MAX_PENDING);
            List<IdleClient> clients = new ArrayList<>(count);
            long cpuStart = ProcessCpu.nanos();
            long start = System.nanoTime();
            try {
                for (int i = 0; i < count; i++) {
                    if (!pending.tryAcquire(SETTLE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                        throw new BenchFailure("no CONNACK for " + MAX_PENDING + " connection attempts in "
                                + DurationArgument.format(SETTLE_TIMEOUT));
                    }
                    IdleClient client = new IdleClient(run.clientId("c", i), failures, pending::release);
                    clients.add(client);
                    generator.connect(connections.forClient(run.clientId("c", i), true), client);
                }
                CompletableFuture.allOf(clients.stream().map(c -> c.connected().exceptionally(e -> null))
                        .toArray(CompletableFuture[]::new)).get(SETTLE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchFailure("interrupted while connecting");
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                report.fail("not every connection attempt ended within " + DurationArgument.format(SETTLE_TIMEOUT));
            }
            long connected = clients.stream().filter(c -> c.connected().isDone()
                    && !c.connected().isCompletedExceptionally()).count();
            if (connected == 0 && count > 0) {
                throw firstFailure(clients);
            }
            long lastConnack = clients.stream().mapToLong(IdleClient::connectedNanos).max().orElse(start);
            double connectSeconds = (lastConnack - start) / 1e9;
            report.add(Metric.count("connected", "connected", connected))
                    .add(Metric.count("failed", "failed", count - connected))
                    .add(Metric.measure("connect_seconds", "connecting took", connectSeconds, "s"))
                    .add(Metric.measure("connects_per_s", "connect rate", connected / connectSeconds, "conn/s"));
            err.println(String.format(Locale.ROOT, "culex bench: %,d connections open, holding them for %s",
                    connected, DurationArgument.format(options.hold())));
            try (Progress progress = Progress.start(options.progress(), err, () -> String.format(Locale.ROOT,
                    "%,d connections open", clients.stream().filter(IdleClient::isOpen).count()))) {
                Thread.sleep(options.hold().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long stillOpen = clients.stream().filter(IdleClient::isOpen).count();
            long wall = System.nanoTime() - start;
            long cpu = cpuStart < 0 ? -1 : ProcessCpu.nanos() - cpuStart;
            report.add(Metric.count("open_after_hold", "open after the hold", stillOpen));
            TrafficReport.cpu(report, cpu, wall, 0);
            if (connected < count) {
                report.fail((count - connected) + " of " + count + " connections failed, first: "
                        + firstFailure(clients).getMessage());
            }
            report.failAll(failures.list().stream().map(f -> "connection lost: " + f).toList());
            failures.closing();
            clients.forEach(IdleClient::disconnect);
            awaitClosed(clients);
        }
        return report.build();
    }

    private static BenchFailure firstFailure(List<IdleClient> clients) {
        for (IdleClient client : clients) {
            if (client.connected().isCompletedExceptionally()) {
                try {
                    client.connected().join();
                } catch (java.util.concurrent.CompletionException e) {
                    return e.getCause() instanceof BenchFailure failure ? failure
                            : new BenchFailure(ConnectionFailures.describe(e.getCause()), e.getCause());
                }
            }
        }
        return new BenchFailure("no connection was accepted");
    }

    /** DISCONNECTs are written asynchronously: wait (bounded) for them before the I/O threads stop. */
    private static void awaitClosed(List<IdleClient> clients) {
        try {
            CompletableFuture.allOf(clients.stream().map(IdleClient::closed).toArray(CompletableFuture[]::new))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing the generator closes whatever is left
        }
    }
}
