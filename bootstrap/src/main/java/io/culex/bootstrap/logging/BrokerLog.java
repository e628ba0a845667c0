package io.culex.bootstrap.logging;

import io.culex.bootstrap.config.ConfigException;
import io.culex.bootstrap.config.LoggingConfig;
import io.culex.domain.message.Message;
import java.io.IOException;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The logging set up from the configuration: what the running broker needs to steer it. */
public final class BrokerLog implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.culex");

    private final Logger target; // held strongly: java.util.logging keeps loggers only weakly
    private final MosquittoLogHandler handler;
    private final TopicSink topic;
    private final Level level;
    private final boolean verbose;
    private final ZoneId zone;
    private volatile Consumer<Message> publisher;

    BrokerLog(Logger target, MosquittoLogHandler handler, TopicSink topic, Level level, boolean verbose, ZoneId zone) {
        this.target = target;
        this.handler = handler;
        this.topic = topic;
        this.level = level;
        this.verbose = verbose;
        this.zone = zone;
    }

    /** Starts writing: the handler joins {@code target}, whose level follows log_type. */
    void activate() {
        target.setLevel(level);
        target.addHandler(handler);
    }

    /** With log_dest topic, lines are published through {@code publisher} from now on; null stops that. */
    public void publishTo(Consumer<Message> brokerPublisher) {
        publisher = brokerPublisher;
        if (topic != null) {
            topic.publishTo(brokerPublisher);
        }
    }

    /** SIGHUP: starts new log files (logrotate has renamed the old ones); a failure is logged. */
    public void reopenFiles() {
        try {
            handler.reopen();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "Error: " + e.getMessage());
        }
    }

    /**
     * A reload's first step: the logging {@code next} asks for on the same logger, its files opened but nothing
     * written yet; {@link #takeOver} then installs it, or {@link #close} drops it if the reload fails.
     *
     * @throws ConfigException if log_timestamp_format uses an unsupported conversion
     * @throws IOException     if a log file cannot be opened (the message names the path)
     */
    public BrokerLog prepare(LoggingConfig next) throws ConfigException, IOException {
        return LogSetup.prepare(next, verbose, target, zone);
    }

    /** A reload's last step: this log, made by {@code previous.prepare}, replaces {@code previous}. */
    public void takeOver(BrokerLog previous) {
        publishTo(previous.publisher);
        activate(); // before the old handler goes, so no line is lost in between
        previous.close();
    }

    MosquittoLogHandler handler() {
        return handler;
    }

    @Override
    public void close() {
        publishTo(null);
        target.removeHandler(handler);
        handler.close();
    }
}
