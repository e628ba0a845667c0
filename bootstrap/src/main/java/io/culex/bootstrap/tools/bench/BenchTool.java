package io.culex.bootstrap.tools.bench;

import java.io.PrintStream;

/**
 * {@code culex bench}: load against any MQTT broker, with its counts verified. The {@code Tool} contract
 * ({@code Tools} adapts {@link #run} by method reference, so this package never depends on it).
 */
public final class BenchTool {

    static final int EXIT_OK = 0;
    /** The run finished but its counts or connections failed the checks. */
    static final int EXIT_FAILED_CHECKS = 1;
    static final int EXIT_USAGE = 2;
    /** The run could not be carried out: broker unreachable, connection or subscription refused. */
    static final int EXIT_CANNOT_RUN = 3;

    private final boolean terminal;

    public BenchTool() {
        this(System.console() != null);
    }

    /** @param terminal whether progress lines are shown without {@code --progress} */
    BenchTool(boolean terminal) {
        this.terminal = terminal;
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        BenchOptions options;
        try {
            options = BenchArgs.parse(args);
        } catch (BenchArgs.HelpRequested e) {
            out.println(BenchUsage.TEXT);
            return EXIT_OK;
        } catch (BenchUsageException e) {
            err.println("Error: " + e.getMessage());
            err.println("Use 'culex bench --help' to see usage.");
            return EXIT_USAGE;
        }
        if (terminal && !options.progress()) {
            options = withProgress(options);
        }
        Report report;
        try {
            report = scenario(options, err);
        } catch (BenchFailure e) {
            err.println("Error: " + e.getMessage());
            return EXIT_CANNOT_RUN;
        }
        out.println(options.json() ? JsonReport.format(report) : ReportTable.format(report));
        return report.ok() ? EXIT_OK : EXIT_FAILED_CHECKS;
    }

    private static Report scenario(BenchOptions options, PrintStream err) throws BenchFailure {
        switch (options.scenario()) {
            case CONN:
                return new ConnScenario(options, err).run();
            case DRAIN:
                return new DrainScenario(options, err).run();
            case SESSIONS:
                return new SessionsScenario(options, err).run();
            default:
                return new TrafficScenario(options, err).run();
        }
    }

    private static BenchOptions withProgress(BenchOptions o) {
        return new BenchOptions(o.scenario(), o.host(), o.port(), o.version(), o.username(), o.password(), o.tls(),
                o.qos(), o.payloadSize(), o.messages(), o.duration(), o.publishers(), o.subscribers(), o.connections(),
                o.hold(), o.rate(), o.warmup(), o.inflight(), o.keepAliveSeconds(), o.ioThreads(), true, o.json(),
                o.persistent(), o.retained());
    }
}
