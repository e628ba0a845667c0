package io.culex.bootstrap.tools.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.client.MqttVersion;
import io.culex.adapters.netty.codec.MqttProperties;
import io.culex.adapters.netty.codec.UserProperty;
import java.nio.charset.StandardCharsets;
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
    void mqtt5VersionsAndDefaults() throws Exception {
        assertEquals(MqttVersion.MQTT_5, parse(ToolKind.SUB, "-t", "a", "-V", "5").version);
        assertEquals(MqttVersion.MQTT_5, parse(ToolKind.PUB, "-t", "a", "-n", "-V", "mqttv5").version);
        assertEquals(MqttVersion.MQTT_3_1_1, parse(ToolKind.PUB, "-t", "a", "-n", "-V", "311").version);
        assertEquals(MqttVersion.MQTT_5, parse(ToolKind.RR, "-t", "a", "-e", "b", "-n").version, "rr defaults to 5");
        assertEquals(MqttVersion.MQTT_3_1_1, parse(ToolKind.RR, "-t", "a", "-e", "b", "-n", "-V", "mqttv311").version);
        assertEquals(MqttVersion.MQTT_5, parse(ToolKind.SUB, "-t", "a", "-V", "311", "-D", "connect", "receive-maximum",
                "5").version, "-D makes the client an MQTT 5 one, as in mosquitto");
        assertEquals("", parse(ToolKind.SUB, "-t", "a", "-V", "5").effectiveClientId(), "the broker assigns one");
    }

    @Test
    void propertiesGoToTheirPacketsInOrder() throws Exception {
        ClientConfig config = parse(ToolKind.PUB, "-t", "a", "-m", "x", "-D", "connect", "session-expiry-interval",
                "60", "-D", "Publish", "User-Property", "k1", "v1", "-D", "publish", "user-property", "k1", "v2",
                "-D", "publish", "message-expiry-interval", "30", "-D", "publish", "content-type", "text/plain",
                "-D", "publish", "response-topic", "r/t", "-D", "publish", "correlation-data", "c1",
                "-D", "publish", "payload-format-indicator", "1", "-D", "connect", "receive-maximum", "10",
                "-D", "connect", "topic-alias-maximum", "5", "-D", "connect", "maximum-packet-size", "1000",
                "-D", "connect", "request-problem-information", "0", "-D", "connect", "user-property", "c", "d",
                "-D", "will", "will-delay-interval", "5", "-D", "disconnect", "session-expiry-interval", "0",
                "-D", "subscribe", "subscription-identifier", "5", "-D", "unsubscribe", "user-property", "u", "v");
        MqttProperties connect = config.properties.build(PropertyArgs.Command.CONNECT);
        assertEquals(60L, connect.sessionExpiryInterval());
        assertEquals(10, connect.receiveMaximum());
        assertEquals(5, connect.topicAliasMaximum());
        assertEquals(1000L, connect.maximumPacketSize());
        assertEquals(0, connect.requestProblemInformation());
        assertEquals(List.of(new UserProperty("c", "d")), connect.userProperties());
        MqttProperties publish = config.properties.build(PropertyArgs.Command.PUBLISH);
        assertEquals(List.of(new UserProperty("k1", "v1"), new UserProperty("k1", "v2")), publish.userProperties());
        assertEquals(30L, publish.messageExpiryInterval());
        assertEquals("text/plain", publish.contentType());
        assertEquals("r/t", publish.responseTopic());
        assertArrayEquals("c1".getBytes(StandardCharsets.UTF_8), publish.correlationData());
        assertEquals(1, publish.payloadFormatIndicator());
        assertEquals(5L, config.properties.build(PropertyArgs.Command.WILL).willDelayInterval());
        assertEquals(0L, config.properties.build(PropertyArgs.Command.DISCONNECT).sessionExpiryInterval());
        assertEquals(List.of(5), config.properties.build(PropertyArgs.Command.SUBSCRIBE).subscriptionIdentifiers());
        assertEquals(1, config.properties.build(PropertyArgs.Command.UNSUBSCRIBE).userProperties().size());
    }

    @Test
    void numbersAreReadAsCsAtolDoes() throws Exception {
        assertEquals(12, parse(ToolKind.SUB, "-t", "a", "-D", "connect", "receive-maximum", "12x")
                .properties.build(PropertyArgs.Command.CONNECT).receiveMaximum());
        assertEquals(7, parse(ToolKind.SUB, "-t", "a", "-D", "connect", "receive-maximum", " 7")
                .properties.build(PropertyArgs.Command.CONNECT).receiveMaximum());
        // "abc" reads as 0, which a receive maximum may not be
        assertEquals("Error in CONNECT properties: " + PropertyArgs.PROTOCOL_ERROR,
                error(ToolKind.SUB, "-t", "a", "-D", "connect", "receive-maximum", "abc"));
        assertEquals(Long.MAX_VALUE, PropertyArgs.atol("99999999999999999999"));
        assertEquals(-5, PropertyArgs.atol("-5z"));
    }

    @Test
    void sessionExpiryIntervalAsMosquittoReadsIt() throws Exception {
        assertEquals(60L, sessionExpiry("-x", "60"));
        assertEquals(16L, sessionExpiry("-x", "0x10"), "strtol base 0");
        assertEquals(8L, sessionExpiry("-x", "010"));
        assertEquals(5L, sessionExpiry("-x", " 5"));
        assertEquals(0xFFFF_FFFFL, sessionExpiry("-x", "-1", "-i", "me"));
        assertEquals(0xFFFF_FFFFL, sessionExpiry("-x", "\u221e", "-i", "me"));
        assertEquals(0xFFFF_FFFFL, sessionExpiry("-c", "-i", "me"), "-c means a session that never expires");
        assertNull(sessionExpiry("-c", "-x", "0", "-i", "me"), "0 is the default: no property");
        assertFalse(parse(ToolKind.SUB, "-t", "a", "-V", "5", "-c", "-x", "0", "-i", "me").cleanSession);
        assertTrue(parse(ToolKind.SUB, "-t", "a", "-V", "311", "-x", "60").properties.isEmpty(), "ignored on 3.x");
        assertEquals("session-expiry-interval not a number.", error(ToolKind.SUB, "-t", "a", "-V", "5", "-x", "1h"));
        assertEquals("session-expiry-interval out of range.", error(ToolKind.SUB, "-t", "a", "-x", "4294967296"));
        assertEquals("session-expiry-interval out of range.", error(ToolKind.SUB, "-t", "a", "-x", "-2"));
        assertEquals("You must provide a client id if you are using an infinite session expiry interval.",
                error(ToolKind.SUB, "-t", "a", "-V", "5", "-c"));
        assertEquals("You must provide a client id if you are using an infinite session expiry interval.",
                error(ToolKind.SUB, "-t", "a", "-V", "5", "-x", "-1", "-I", "pre"));
        assertEquals("Invalid id and/or clean_session.", error(ToolKind.SUB, "-t", "a", "-V", "5", "-c", "-x", "9"));
        assertEquals("Invalid id.", error(ToolKind.PUB, "-t", "a", "-n", "-V", "5", "-c", "-x", "9"));
        assertEquals("Error in CONNECT properties: Duplicate property in property list", error(ToolKind.SUB,
                "-t", "a", "-x", "60", "-D", "connect", "session-expiry-interval", "5"));
    }

    private static Long sessionExpiry(String... args) throws Exception {
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[] {"-t", "a", "-V", "5"}, 0, all, 0, 4);
        System.arraycopy(args, 0, all, 4, args.length);
        return parse(ToolKind.SUB, all).properties.build(PropertyArgs.Command.CONNECT).sessionExpiryInterval();
    }

    @Test
    void subscriptionAndOutputFlags() throws Exception {
        ClientConfig config = parse(ToolKind.SUB, "-t", "a", "--retain-as-published", "--retained-only",
                "--remove-retained", "--pretty", "--random-filter", "50", "-M", "7", "-F", "%j");
        assertTrue(config.retainAsPublished && config.retainedOnly && config.removeRetained && config.pretty);
        assertEquals(5_000, config.randomFilter, "50 %, not mosquitto 2.0.11's 5 %");
        assertEquals(7, config.maxInflight);
        assertEquals("--random-filter chance must be between 0.1-100.0",
                error(ToolKind.SUB, "-t", "a", "--random-filter", "0"));
        assertEquals("--random-filter chance must be between 0.1-100.0",
                error(ToolKind.SUB, "-t", "a", "--random-filter", "100.1"));
        assertEquals("Maximum inflight messages must be greater than 0.", error(ToolKind.PUB, "-t", "a", "-n", "-M", "0"));
        assertEquals("Unknown option '--retained-only'.", error(ToolKind.RR, "-t", "a", "-e", "b", "-n",
                "--retained-only"));
        assertTrue(parse(ToolKind.RR, "-t", "a", "-e", "b", "-n", "-R", "--retain-as-published").noRetained,
                "accepted (and ignored) by rr, as mosquitto_rr does");
        assertEquals("Unknown option '--pretty'.", error(ToolKind.PUB, "-t", "a", "-n", "--pretty"));
    }

    @Test
    void formatStringsAreCheckedAsMosquittoDoes() throws Exception {
        assertEquals("Invalid format specifier 'z'.", error(ToolKind.SUB, "-t", "a", "-F", "%z"));
        assertEquals("Incomplete format specifier.", error(ToolKind.SUB, "-t", "a", "-F", "x%"));
        assertEquals("Incomplete format specifier.", error(ToolKind.SUB, "-t", "a", "-F", "%-5"));
        assertEquals("Incomplete format specifier.", error(ToolKind.SUB, "-t", "a", "-F", "x@"));
        assertEquals("Invalid escape specifier 'q'.", error(ToolKind.SUB, "-t", "a", "-F", "\\q"));
        assertEquals("Incomplete escape specifier.", error(ToolKind.SUB, "-t", "a", "-F", "x\\"));
        parse(ToolKind.SUB, "-t", "a", "-F", "%-10.3t %05l %A%C%D%E%F%P%R%S%x%X%I%U%j%J @Y@@ \\e\\0");
    }
}
