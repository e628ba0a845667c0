package io.culex.bootstrap;

import io.culex.adapters.netty.TransportException;
import io.culex.bootstrap.config.BrokerConfig;
import io.culex.bootstrap.config.CommandLine;
import io.culex.bootstrap.config.ConfigException;
import io.culex.bootstrap.config.ConfigParser;
import io.culex.bootstrap.tools.Tool;
import io.culex.bootstrap.tools.Tools;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code java -jar culex.jar [-c file] [-p port] [-v] [-h]} runs the broker until SIGTERM/SIGINT,
 * then exits 0; {@code java -jar culex.jar <tool> ...} runs one of the {@link Tools} instead.
 */
public final class Main {

    private static final System.Logger LOG = System.getLogger("io.culex");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length > 0) {
            Optional<Tool> tool = Tools.named(args[0]);
            if (tool.isPresent()) {
                return tool.get().run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
            }
        }
        return runBroker(args);
    }

    private static int runBroker(String[] args) {
        BrokerConfig config;
        try {
            CommandLine commandLine = CommandLine.parse(args);
            if (commandLine.help()) {
                System.out.println(CommandLine.usage());
                return 0;
            }
            // Before parsing, so the parser's own warnings come out in the broker's log format.
            LogSetup.configure(commandLine.verbose());
            config = commandLine.apply(commandLine.configFile() == null
                    ? BrokerConfig.defaults() : ConfigParser.parse(commandLine.configFile()));
        } catch (ConfigException | IOException e) {
            System.err.println("Error: " + e.getMessage());
            return 1;
        }
        config.warnings().forEach(warning -> LOG.log(System.Logger.Level.WARNING, "Warning: " + warning));
        LOG.log(System.Logger.Level.INFO, "culex version " + Version.current() + " starting");
        CulexBroker broker;
        try {
            broker = CulexBroker.start(config);
        } catch (TransportException e) {
            LOG.log(System.Logger.Level.ERROR, "Error: " + e.getMessage());
            return 1;
        }
        StopSignals signals = StopSignals.install();
        LOG.log(System.Logger.Level.INFO, "culex version " + Version.current() + " running");
        try {
            signals.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.log(System.Logger.Level.INFO, "culex version " + Version.current() + " terminating");
        broker.close();
        return 0;
    }
}
