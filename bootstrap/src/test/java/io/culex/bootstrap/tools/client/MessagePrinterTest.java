package io.culex.bootstrap.tools.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.client.ReceivedMessage;
import io.culex.adapters.netty.codec.MqttProperties;
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

    private static final ReceivedMessage WITH_PROPERTIES = new ReceivedMessage("fmt/a",
            "hello".getBytes(StandardCharsets.UTF_8), 1, true, false, 3, MqttProperties.builder()
            .userProperty("k1", "v1").userProperty("k2", "v 2").contentType("text/plain").messageExpiryInterval(300L)
            .payloadFormatIndicator(1).responseTopic("resp/x").correlationData("corr123".getBytes(StandardCharsets.UTF_8))
            .subscriptionIdentifier(7).subscriptionIdentifier(9).topicAlias(2).build());

    /** What mosquitto_sub 2.0.11 printed for the same message and format (the topic alias aside: see below). */
    @Test
    void mqtt5PropertiesAndTheirAbsence() {
        MessagePrinter format = new MessagePrinter(false, true, "%A|%C|%D|%E|%F|%P|%R|%S|%l|%m|%q|%r|%t|%x|%X|%p");
        assertEquals("2|text/plain|corr123|300|1|k1:v1 k2:v 2|resp/x|7|5|3|1|1|fmt/a|68656c6c6f|68656C6C6F|hello\n",
                render(format, WITH_PROPERTIES));
        assertEquals("||||||||3|7|1|1|t/a|616263|616263|abc\n", render(format, ABC));
    }

    @Test
    void flagsWidthsAndPrecisionsWithMosquittosQuirks() {
        MessagePrinter format = new MessagePrinter(false, false,
                "[%10t][%-10t][%.3t][%5.2t][%05l][%-5l][%08x][%3C][%-12R][%5A][%05S][%-4F][%05E][%3p]");
        assertEquals("[     fmt/a][fmt/a     ][fmt][   fm][00005][5    ][00006865][text/plain][resp/x      ]"
                + "[    2][00007][1   ][00300][hel]", render(format, WITH_PROPERTIES));
        assertEquals("[       t/a][t/a       ][t/a][   t/][00003][3    ][00000061][   ][][     ][00000][    ][00000]"
                + "[abc]", render(format, ABC));
    }

    @Test
    void jsonAsCjsonPrintsIt() {
        MessagePrinter compact = new MessagePrinter(false, true, "%j");
        String json = render(compact, WITH_PROPERTIES).replaceFirst("\"tst\":\"[^\"]*\"", "TST");
        assertEquals("{TST,\"topic\":\"fmt/a\",\"qos\":1,\"retain\":1,\"payloadlen\":5,\"mid\":3,\"properties\":{"
                + "\"payload-format-indicator\":1,\"message-expiry-interval\":300,\"content-type\":\"text/plain\","
                + "\"response-topic\":\"resp/x\",\"correlation-data\":\"corr123\",\"subscription-identifier\":7,"
                + "\"subscription-identifier\":9,\"topic-alias\":0,\"user-properties\":{\"k1\":\"v1\",\"k2\":\"v 2\"}},"
                + "\"payload\":\"hello\"}\n", json);
        assertTrue(render(compact, ABC).matches("\\{\"tst\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z[+-]\\d{4}\","
                + "\"topic\":\"t/a\".*\n"));
        ReceivedMessage odd = message("j", "a\"b\\c\u0001\n", 0, false, 0);
        assertTrue(render(compact, odd).endsWith("\"payload\":\"a\\\"b\\\\c\\u0001\\n\"}\n"), () -> render(compact, odd));
        assertTrue(render(compact, EMPTY).endsWith("\"payload\":null}\n"));

        MessagePrinter parsed = new MessagePrinter(false, true, "%J");
        ReceivedMessage json1 = message("j", "{\"a\": [1, 2.5, \"x\", 1e300], \"b\": null} ", 0, false, 0);
        assertTrue(render(parsed, json1).endsWith("\"payload\":{\"a\":[1,2.5,\"x\",1e+300],\"b\":null}}\n"),
                () -> render(parsed, json1));
        MessagePrinter pretty = new MessagePrinter(false, true, "%J", true, MessagePrinter.ALWAYS);
        String text = render(pretty, message("j", "{\"a\":[1,2]}", 0, false, 0)).replaceFirst("\t\"tst\":\t\"[^\"]*\"",
                "\tTST");
        assertEquals("{\n\tTST,\n\t\"topic\":\t\"j\",\n\t\"qos\":\t0,\n\t\"retain\":\t0,\n\t\"payloadlen\":\t11,\n"
                + "\t\"payload\":\t{\n\t\t\"a\":\t[1, 2]\n\t}\n}\n", text);
        assertEquals("\n", render(parsed, message("j", "not json", 0, false, 0)), "the error goes to stderr");
    }

    @Test
    void timesAndStrftime() {
        String text = render(new MessagePrinter(false, false, "%I|%U|@Y-@m-@d @H:@M:@S @z|@N|@@"), ABC);
        assertTrue(text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d{4}\\|\\d+\\.\\d{9}\\|"
                + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}\\|\\d{9}\\|@"), text);
    }

    @Test
    void randomFilterPrintsAboutTheShareAsked() {
        MessagePrinter half = new MessagePrinter(false, true, null, false, 5_000);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8);
        for (int i = 0; i < 2_000; i++) {
            half.print(ABC, out, out);
        }
        long printed = bytes.toString(StandardCharsets.UTF_8).lines().count();
        assertTrue(printed > 700 && printed < 1_300, "printed " + printed);
    }
}
