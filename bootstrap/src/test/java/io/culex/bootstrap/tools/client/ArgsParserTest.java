package io.culex.bootstrap.tools.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.client.MqttVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsParserTest {

    private static ClientConfig parse(ToolKind kind, String... args) throws Exception {
        return ArgsParser.parse(kind, args);
    }

    private static String error(ToolKind kind, String... args) {
        return assertThrows(UsageException.class, () -> ArgsParser.parse(kind, args)).getMessage();
    }

    @Test
    void defaultsAreMosquittos() throws Exception {
        ClientConfig config = parse(ToolKind.SUB, "-t", "a");
        assertEquals("localhost", config.host);
        assertEquals(1883, config.port);
        assertEquals(MqttVersion.MQTT_3_1_1, config.version);
        assertEquals(60, config.keepAliveSeconds);
        assertTrue(config.cleanSession);
        assertEquals("", config.effectiveClientId(), "3.1.1: the broker assigns the id");
        assertTrue(parse(ToolKind.SUB, "-t", "a", "-V", "31").effectiveClientId().matches("mosq-[0-9A-Za-z]{17}"));
    }

    @Test
    void subAcceptsRepeatedTopicsAndItsOwnFlags() throws Exception {
        ClientConfig config = parse(ToolKind.SUB, "-t", "a/#", "-t", "b/+", "-T", "a/x", "-U", "b/+", "-C", "5",
                "-W", "7", "-R", "-E", "-N", "-v", "-F", "%t", "-q", "2", "-i", "me", "-c", "-k", "30", "-V",
                "mqttv31", "-u", "user", "-P", "pw");
        assertEquals(List.of("a/#", "b/+"), config.topics);
        assertEquals(List.of("a/x"), config.filterOut);
        assertEquals(List.of("b/+"), config.unsubscribe);
        assertEquals(5, config.count);
        assertEquals(7, config.timeoutSeconds);
        assertTrue(config.noRetained && config.exitAfterSubscribe && config.verbose);
        assertFalse(config.endOfLine);
        assertEquals("%t", config.format);
        assertEquals(2, config.qos);
        assertEquals("me", config.effectiveClientId());
        assertFalse(config.cleanSession);
        assertEquals(30, config.keepAliveSeconds);
        assertEquals(MqttVersion.MQTT_3_1, config.version);
        assertEquals("user", config.username);
        assertEquals("pw", config.password);
    }

    @Test
    void idPrefixAppendsThePid() throws Exception {
        assertEquals("pre" + ProcessHandle.current().pid(), parse(ToolKind.PUB, "-I", "pre", "-t", "a", "-n")
                .effectiveClientId());
    }

    @Test
    void urlSetsCredentialsHostPortAndTopic() throws Exception {
        ClientConfig config = parse(ToolKind.PUB, "-L", "mqtt://bob:s%40cret@example.org:1999/a/b", "-m", "x");
        assertEquals("bob", config.username);
        assertEquals("s@cret", config.password);
        assertEquals("example.org", config.host);
        assertEquals(1999, config.port);
        assertEquals(List.of("a/b"), config.topics);

        ClientConfig noPort = parse(ToolKind.SUB, "-L", "mqtt://host/t");
        assertEquals(1883, noPort.port);
        assertNull(noPort.username);
        assertEquals("Invalid URL for -L argument specified - topic missing.", error(ToolKind.SUB, "-L", "mqtt://host"));
        assertEquals("Unsupported URL scheme.", error(ToolKind.SUB, "-L", "http://host/t"));
    }

    @Test
    void willFlags() throws Exception {
        ClientConfig config = parse(ToolKind.PUB, "-t", "a", "-n", "--will-topic", "w", "--will-payload", "bye",
                "--will-qos", "2", "--will-retain");
        assertEquals("w", config.willTopic);
        assertEquals("bye", config.willPayload);
        assertEquals(2, config.willQos);
        assertTrue(config.willRetain);
        assertEquals("Will payload given, but no will topic given.",
                error(ToolKind.PUB, "-t", "a", "-n", "--will-payload", "x"));
    }

    @Test
    void conflictingAndInvalidValues() {
        assertEquals("Only one type of message can be sent at once.", error(ToolKind.PUB, "-t", "a", "-m", "x", "-n"));
        assertEquals("Duplicate topic argument given.", error(ToolKind.PUB, "-t", "a", "-t", "b", "-n"));
        assertEquals("Invalid keepalive given, it must be between 5 and 65535 inclusive.",
                error(ToolKind.SUB, "-t", "a", "-k", "2"));
        assertEquals("Invalid port given: 70000", error(ToolKind.SUB, "-t", "a", "-p", "70000"));
        assertEquals("Invalid timeout \"0\".", error(ToolKind.SUB, "-t", "a", "-W", "0"));
        assertEquals("Invalid message count \"x\".", error(ToolKind.SUB, "-t", "a", "-C", "x"));
        assertEquals("Invalid protocol version argument given.", error(ToolKind.SUB, "-t", "a", "-V", "6"));
        assertEquals("Invalid subscription topic 'a/#/b', are all '+' and '#' wildcards correct?",
                error(ToolKind.SUB, "-t", "a/#/b"));
        assertEquals("-i and -I argument cannot be used together.", error(ToolKind.SUB, "-t", "a", "-i", "x", "-I", "y"));
        assertEquals("All of topic, message, and response topic must be supplied.", error(ToolKind.RR, "-t", "a", "-m", "x"));
    }

    @Test
    void mqtt5OnlyFlagsAreRefused() {
        assertTrue(error(ToolKind.SUB, "-t", "a", "-x", "60").contains("needs MQTT 5"));
        assertTrue(error(ToolKind.SUB, "-t", "a", "-D", "connect", "user-property", "a", "b").contains("-D"));
        assertEquals(UsageException.Hint.NONE,
                assertThrows(UsageException.class, () -> parse(ToolKind.SUB, "-t", "a", "-V", "5")).hint());
    }
}
