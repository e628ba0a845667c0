package io.culex.bootstrap;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import io.culex.bootstrap.config.BrokerConfig;
import io.culex.bootstrap.config.CommandLine;
import io.culex.bootstrap.config.ConfigChanges;
import io.culex.bootstrap.config.ConfigException;
import io.culex.bootstrap.config.ConfigParser;
import io.culex.bootstrap.logging.BrokerLog;
import java.io.IOException;
import io.culex.domain.message.Message;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What SIGHUP does, as Mosquitto's reload signal: reads the {@code -c} file again (with its include_dir files) and
 * applies every option Mosquitto reloads; an option that needs a restart keeps its running value and is named in one
 * warning ("KEY changed: restart to apply"). A file that no longer reads or parses, or whose new password, ACL or
 * log file cannot be used, changes nothing: the error is logged with its file, line and key and the broker runs on
 * with the configuration it had. Whatever happens, SIGHUP also reopens the log files (logrotate) and re-reads the
 * password, ACL and TLS files, as before configuration reloads existed.
 */
public final class ConfigReload {

    /** Mosquitto logs its reload at information level too; "io.culex" itself would classify as notice. */
    private static final System.Logger LOG = System.getLogger("io.culex.config");

    private final CommandLine commandLine;
    private final CulexBroker broker;
    private BrokerConfig running; // guarded by this
    private BrokerLog log; // guarded by this; null when the caller (a test) steers logging itself
    private boolean stopped; // guarded by this

    /**
     * @param commandLine the broker's: its {@code -c} file is read again, {@code -p} and {@code -v} applied again
     * @param running     the configuration the broker was started with
     * @param log         the logging set up from {@code running}, or null to leave logging alone
     */
    public ConfigReload(CommandLine commandLine, BrokerConfig running, CulexBroker broker, BrokerLog log) {
        this.commandLine = Objects.requireNonNull(commandLine, "commandLine");
        this.running = Objects.requireNonNull(running, "running");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.log = log;
    }

    /** The logging in force, which a reload may have replaced. */
    public synchronized BrokerLog log() {
        return log;
    }

    /** The configuration in force: what was reloaded, with the options that need a restart as they run. */
    public synchronized BrokerConfig running() {
        return running;
    }

    /** log_dest topic: log lines are published through {@code publisher} from now on, across reloads. */
    public synchronized void publishLogTo(Consumer<Message> publisher) {
        if (log != null) {
            log.publishTo(publisher);
        }
    }

    /** At the broker's stop: log lines are no longer published (log_dest topic), and a later SIGHUP does nothing. */
    public synchronized void stop() {
        stopped = true;
        if (log != null) {
            log.publishTo(null);
        }
    }

    /** SIGHUP. Never throws: a broker must not stop because its configuration file was edited badly. */
    public synchronized void reload() {
        if (stopped) {
            return;
        }
        try {
            if (commandLine.configFile() == null) {
                reloadFiles(log); // no configuration file: nothing else to reload, as in Mosquitto
                return;
            }
            LOG.log(INFO, "Reloading config.");
            BrokerConfig next;
            try {
                next = commandLine.apply(ConfigParser.parse(commandLine.configFile()));
            } catch (ConfigException | IOException e) {
                refused(e.getMessage());
                reloadFiles(log);
                return;
            }
            apply(next);
        } catch (RuntimeException e) {
            LOG.log(ERROR, "Error: reloading the configuration failed: " + e
                    + "; the broker keeps running with the previous configuration.");
        }
    }

    private void apply(BrokerConfig next) {
        ConfigChanges changes = ConfigChanges.between(running, next);
        BrokerConfig effective = changes.effective();
        BrokerLog nextLog = null;
        if (log != null && !effective.logging().equals(running.logging())) {
            try {
                nextLog = log.prepare(effective.logging());
            } catch (ConfigException | IOException e) {
                refused(e.getMessage());
                reloadFiles(log);
                return;
            }
        }
        try {
            broker.reconfigure(effective); // re-reads the security and TLS files, or fails changing nothing
        } catch (RuntimeException e) {
            if (nextLog != null) {
                nextLog.close();
            }
            refused(e.getMessage());
            reloadFiles(log);
            return;
        }
        if (nextLog != null) {
            nextLog.takeOver(log);
            log = nextLog;
        } else if (log != null) {
            log.reopenFiles();
        }
        running = effective;
        changes.newWarnings().forEach(warning -> LOG.log(WARNING, "Warning: " + warning));
        changes.restartKeys().forEach(key -> LOG.log(WARNING, "Warning: " + key + " changed: restart to apply."));
    }

    private void reloadFiles(BrokerLog current) {
        broker.reload();
        if (current != null) {
            current.reopenFiles();
        }
    }

    private static void refused(String reason) {
        LOG.log(ERROR, "Error: " + reason);
        LOG.log(ERROR, "Error: configuration not reloaded; the broker keeps running with the previous configuration.");
    }
}
