package io.culex.bootstrap;

import io.culex.adapters.netty.TransportException;
import io.culex.domain.port.StateStore;
import io.culex.bootstrap.admin.HttpApiException;
import io.culex.bootstrap.config.BrokerConfig;
import io.culex.bootstrap.config.CommandLine;
import io.culex.bootstrap.config.ConfigException;
import io.culex.bootstrap.config.ConfigParser;
import io.culex.bootstrap.logging.BrokerLog;
import io.culex.bootstrap.logging.HangupSignal;
import io.culex.bootstrap.logging.LogSetup;
import io.culex.bootstrap.security.AclFileException;
import io.culex.bootstrap.security.AuthProviderException;
import io.culex.bootstrap.security.PasswordFileException;
import java.io.IOException;

/**
 * One run of the broker process, as {@code mosquitto} runs: read the command line and
 * configuration, set up logging, serve until SIGTERM/SIGINT, then stop in order.
 * Returns the process exit code: 0 after an orderly stop, 1 when it cannot start.
 */
final class BrokerRun {

    private static final System.Logger LOG = System.getLogger("io.culex");

    private final CommandLine commandLine;
    private final BrokerConfig config;
    private final BrokerLog log;

    private BrokerRun(CommandLine commandLine, BrokerConfig config, BrokerLog log) {
        this.commandLine = commandLine;
        this.config = config;
        this.log = log;
    }

    static int run(String[] args) {
        BrokerRun run;
        try {
            CommandLine commandLine = CommandLine.parse(args);
            if (commandLine.help()) {
                System.out.println(CommandLine.usage());
                return 0;
            }
            run = configure(commandLine);
        } catch (ConfigException | IOException e) {
            System.err.println("Error: " + e.getMessage());
            return 1;
        }
        return run.serve();
    }

    private static BrokerRun configure(CommandLine commandLine) throws ConfigException, IOException {
        // Before parsing, so the parser's own warnings come out in the broker's log format.
        LogSetup.configure(commandLine.verbose());
        BrokerConfig config = commandLine.apply(commandLine.configFile() == null
                ? BrokerConfig.defaults() : ConfigParser.parse(commandLine.configFile()));
        // A log file that cannot be opened stops the start-up here, with its path on stderr.
        return new BrokerRun(commandLine, config, LogSetup.configure(config.logging(), commandLine.verbose()));
    }

    private int serve() {
        HangupSignal.install(log);
        config.warnings().forEach(warning -> LOG.log(System.Logger.Level.WARNING, "Warning: " + warning));
        announce("starting");
        CulexBroker broker;
        try {
            broker = CulexBroker.start(config);
        } catch (TransportException | PasswordFileException | AclFileException | AuthProviderException
                 | StateStore.StoreException | HttpApiException e) {
            LOG.log(System.Logger.Level.ERROR, "Error: " + e.getMessage());
            return 1;
        }
        ConfigReload reload = new ConfigReload(commandLine, config, broker, log);
        HangupSignal.install(reload::reload); // re-reads the -c file, as Mosquitto's reload signal
        StopSignals signals = StopSignals.install();
        StorageSignal.install(config.persistence().enabled());
        PidFile pidFile;
        try {
            // After the signal handlers, so a TERM sent by whoever reads the file is an orderly stop.
            pidFile = PidFile.write(config.pidFile(), ProcessHandle.current().pid());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "Error: " + e.getMessage());
            broker.close();
            return 1;
        }
        reload.publishLogTo(broker.broker()::publishFromBroker); // log_dest topic; a reload carries it over
        announce("running");
        awaitStop(signals);
        announce("terminating");
        reload.stop();
        broker.close();
        pidFile.close();
        return 0;
    }

    private static void awaitStop(StopSignals signals) {
        try {
            signals.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void announce(String state) {
        LOG.log(System.Logger.Level.INFO, "culex version " + Version.current() + " " + state);
    }
}
