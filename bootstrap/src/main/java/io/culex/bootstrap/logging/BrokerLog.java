package io.culex.bootstrap.logging;

import io.culex.domain.message.Message;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.logging.Logger;

/** The logging set up from the configuration: what the running broker needs to steer it. */
public final class BrokerLog implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.culex");

    private final Logger target; // held strongly: java.util.logging keeps loggers only weakly
    private final MosquittoLogHandler handler;
    private final TopicSink topic;

    BrokerLog(Logger target, MosquittoLogHandler handler, TopicSink topic) {
        this.target = target;
        this.handler = handler;
        this.topic = topic;
    }

    /** With log_dest topic, lines are published through {@code publisher} from now on; null stops that. */
    public void publishTo(Consumer<Message> publisher) {
        if (topic != null) {
            topic.publishTo(publisher);
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
