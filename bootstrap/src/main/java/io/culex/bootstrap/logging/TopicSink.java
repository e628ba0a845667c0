package io.culex.bootstrap.logging;

import io.culex.bootstrap.config.LoggingConfig.LogType;
import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * log_dest topic: each line is published to {@code $SYS/broker/log/<letter>} (QoS 2 as in
 * Mosquitto, not retained), with Mosquitto's letters. As in Mosquitto, debug lines are never published:
 * the broker logs every PUBLISH at debug, so publishing those would feed itself.
 */
final class TopicSink implements LogSink {

    /** A line logged while this thread publishes a log line is not published again. */
    private static final ThreadLocal<Boolean> PUBLISHING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private volatile Consumer<Message> publisher;

    /** Lines before the broker runs (or after it stopped) have nowhere to go and are skipped. */
    void publishTo(Consumer<Message> brokerPublisher) {
        publisher = brokerPublisher;
    }

    @Override
    public void write(LogType type, String line) {
        Consumer<Message> target = publisher;
        if (target == null || type == LogType.DEBUG || PUBLISHING.get()) {
            return;
        }
        PUBLISHING.set(Boolean.TRUE);
        try {
            target.accept(new Message(topic(type), line.getBytes(StandardCharsets.UTF_8), QoS.EXACTLY_ONCE, false));
        } finally {
            PUBLISHING.set(Boolean.FALSE);
        }
    }

    static String topic(LogType type) {
        return "$SYS/broker/log/" + switch (type) {
            case ERROR -> "E";
            case WARNING -> "W";
            case NOTICE -> "N";
            case INFORMATION -> "I";
            case DEBUG -> "D";
            case SUBSCRIBE -> "M/subscribe";
            case UNSUBSCRIBE -> "M/unsubscribe";
            case WEBSOCKETS -> "WS";
        };
    }
}
