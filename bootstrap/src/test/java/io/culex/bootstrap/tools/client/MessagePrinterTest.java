package io.culex.bootstrap.tools.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.adapters.netty.client.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The outputs observed from mosquitto_sub 2.0.11 for the same messages. */
class MessagePrinterTest {

    private static final ReceivedMessage ABC = message("t/a", "abc", 1, true, 7);
    private static final ReceivedMessage EMPTY = message("t/b", "", 0, false, 0);

    private static ReceivedMessage message(String topic, String payload, int qos, boolean retain, int id) {
        return new ReceivedMessage(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retain, false, id);
    }

    private static String render(MessagePrinter printer, ReceivedMessage message) {
        return new String(printer.render(message), StandardCharsets.UTF_8);
    }

    @Test
    void plainPrintsPayloadAndNothingForAnEmptyOne() {
        MessagePrinter plain = new MessagePrinter(false, true, null);
        assertEquals("abc\n", render(plain, ABC));
        assertEquals("", render(plain, EMPTY));
        assertEquals("abc", render(new MessagePrinter(false, false, null), ABC));
    }

    @Test
    void verbosePrintsTopicSpacePayloadAndNullForAnEmptyOne() {
        MessagePrinter verbose = new MessagePrinter(true, true, null);
        assertEquals("t/a abc\n", render(verbose, ABC));
        assertEquals("t/b (null)\n", render(verbose, EMPTY));
        MessagePrinter noNewline = new MessagePrinter(true, false, null);
        assertEquals("t/a abc", render(noNewline, ABC));
        assertEquals("", render(noNewline, EMPTY));
    }

    @Test
    void formatConversionsAndEscapesThenANewline() {
        MessagePrinter format = new MessagePrinter(false, true, "%t|%p|%q|%r|%m|%l|%%|%z|x\\ty\\n");
        assertEquals("t/a|abc|1|1|7|3|%||x\ty\n\n", render(format, ABC));
        assertEquals("t/b||0|0|0|0|%||x\ty\n\n", render(format, EMPTY));
        assertEquals("t/a", render(new MessagePrinter(false, false, "%t"), ABC));
    }
}
