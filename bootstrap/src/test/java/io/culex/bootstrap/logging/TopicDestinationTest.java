package io.culex.bootstrap.logging;

import static io.culex.bootstrap.logging.Records.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.culex.bootstrap.config.LoggingConfig.LogType;
import io.culex.bootstrap.logging.Records.RecordingSink;
import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** log_dest topic without a broker: topics, message shape, debug exclusion and no recursion. */
class TopicDestinationTest {

    private final List<Message> published = new CopyOnWriteArrayList<>();

    @ParameterizedTest
    @CsvSource({
            "ERROR,       $SYS/broker/log/E",
            "WARNING,     $SYS/broker/log/W",
            "NOTICE,      $SYS/broker/log/N",
            "INFORMATION, $SYS/broker/log/I",
            "SUBSCRIBE,   $SYS/broker/log/M/subscribe",
            "UNSUBSCRIBE, $SYS/broker/log/M/unsubscribe",
            "WEBSOCKETS,  $SYS/broker/log/WS",
    })
    void eachTypeHasMosquittosTopic(LogType type, String topic) {
        TopicSink sink = new TopicSink();
        sink.publishTo(published::add);
        sink.write(type, "line");
        assertEquals(List.of(topic), published.stream().map(Message::topic).toList());
    }

    @Test
    void theLineIsPublishedAsItIsWrittenAtQos2NotRetained() {
        TopicSink sink = new TopicSink();
        sink.publishTo(published::add);
        sink.write(LogType.NOTICE, "1700000000: Client c1 disconnected.");
        Message message = published.get(0);
        assertEquals("1700000000: Client c1 disconnected.", new String(message.payload(), StandardCharsets.UTF_8));
        assertEquals(QoS.EXACTLY_ONCE, message.qos());
        assertFalse(message.retain());
    }

    @Test
    void debugIsNeverPublished() {
        TopicSink sink = new TopicSink();
        sink.publishTo(published::add);
        sink.write(LogType.DEBUG, "Received PUBLISH from c1");
        assertEquals(List.of(), published);
    }

    @Test
    void nothingIsPublishedBeforeTheBrokerRunsOrAfterItStops() {
        TopicSink sink = new TopicSink();
        sink.write(LogType.NOTICE, "early");
        sink.publishTo(published::add);
        sink.publishTo(null);
        sink.write(LogType.NOTICE, "late");
        assertEquals(List.of(), published);
    }

    @Test
    void aLineLoggedWhilePublishingALineIsNotPublishedAgainButReachesTheOtherDestinations() throws Exception {
        Logger logger = Logger.getLogger("test.logging.topic");
        logger.setUseParentHandlers(false);
        TopicSink topic = new TopicSink();
        RecordingSink other = new RecordingSink();
        MosquittoLogHandler handler = new MosquittoLogHandler(EnumSet.allOf(LogType.class), true,
                LineFormatter.of(false, null, ZoneOffset.UTC), List.of(topic, other));
        logger.addHandler(handler);
        try {
            topic.publishTo(message -> {
                published.add(message);
                logger.warning("while publishing " + message.topic()); // as a broker that logs on publish would
            });
            handler.publish(record(Level.INFO, "io.culex.connection", "New client connected"));
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(List.of("$SYS/broker/log/N"), published.stream().map(Message::topic).toList());
        assertEquals(List.of("New client connected", "while publishing $SYS/broker/log/N"), other.lines().stream().sorted().toList());
    }
}
