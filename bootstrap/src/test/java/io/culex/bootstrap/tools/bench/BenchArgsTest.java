package io.culex.bootstrap.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.client.MqttVersion;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchArgsTest {

    private static BenchOptions parse(String... args) throws Exception {
        return BenchArgs.parse(args);
    }

    private static String refusal(String... args) {
        return assertThrows(BenchUsageException.class, () -> BenchArgs.parse(args)).getMessage();
    }

    @Test
    void fanInDefaults() throws Exception {
        BenchOptions o = parse("fanin");
        assertEquals(Scenario.FANIN, o.scenario());
        assertEquals("localhost", o.host());
        assertEquals(1883, o.port());
        assertEquals(MqttVersion.MQTT_3_1_1, o.version());
        assertEquals(0, o.qos());
        assertEquals(64, o.payloadSize());
        assertEquals(10_000, o.messages());
        assertFalse(o.durationDriven());
        assertEquals(4, o.publishers());
        assertEquals(1, o.subscribers());
        assertEquals(0, o.rate());
        assertEquals(100, o.inflight());
        assertEquals(Duration.ZERO, o.warmup());
        assertNull(o.tls());
        assertFalse(o.json());
        assertFalse(o.progress());
    }

    @Test
    void everyOptionIsRead() throws Exception {
        BenchOptions o = parse("fanout", "-h", "broker.example", "-p", "1999", "-V", "31", "-u", "alice", "-P", "s3cret",
                "-q", "2", "-s", "1024", "-d", "1500ms", "--publishers", "3", "--subscribers", "7", "--rate", "50",
                "--warmup", "2s", "--inflight", "20", "-k", "0", "--threads", "3", "--progress", "--json");
        assertEquals("broker.example", o.host());
        assertEquals(1999, o.port());
        assertEquals(MqttVersion.MQTT_3_1, o.version());
        assertEquals("alice", o.username());
        assertEquals("s3cret", o.password());
        assertEquals(2, o.qos());
        assertEquals(1024, o.payloadSize());
        assertTrue(o.durationDriven());
        assertEquals(Duration.ofMillis(1500), o.duration());
        assertEquals(3, o.publishers());
        assertEquals(7, o.subscribers());
        assertEquals(50, o.rate());
        assertEquals(Duration.ofSeconds(2), o.warmup());
        assertEquals(20, o.inflight());
        assertEquals(0, o.keepAliveSeconds());
        assertEquals(3, o.ioThreads());
        assertTrue(o.progress());
        assertTrue(o.json());
    }

    @Test
    void scenarioDefaults() throws Exception {
        assertEquals(10, parse("fanout").subscribers());
        assertEquals(1, parse("fanout").publishers());
        BenchOptions latency = parse("latency");
        assertEquals(1_000, latency.rate());
        assertEquals(1, latency.publishers());
        BenchOptions drain = parse("drain");
        assertEquals(1, drain.qos());
        BenchOptions conn = parse("conn", "--connections", "10000", "--hold", "1m");
        assertEquals(10_000, conn.connections());
        assertEquals(Duration.ofMinutes(1), conn.hold());
        assertEquals(1_000, parse("conn").connections());
        assertEquals(Duration.ofSeconds(10), parse("conn").hold());
    }

    @Test
    void p2pPairsPublishersWithSubscribers() throws Exception {
        assertEquals(25, parse("p2p", "--publishers", "25").subscribers());
        assertEquals(25, parse("p2p", "--subscribers", "25").publishers());
        assertEquals(10, parse("p2p").publishers());
        assertTrue(refusal("p2p", "--publishers", "2", "--subscribers", "3").contains("must equal"));
    }

    @Test
    void tlsAsInTheOtherTools() throws Exception {
        BenchOptions o = parse("fanin", "--cafile", "ca.pem", "--cert", "c.pem", "--key", "k.pem", "--insecure",
                "--tls-version", "tlsv1.3");
        assertNotNull(o.tls());
        assertEquals(Path.of("ca.pem"), o.tls().caFile());
        assertEquals(Path.of("c.pem"), o.tls().certFile());
        assertEquals(Path.of("k.pem"), o.tls().keyFile());
        assertTrue(o.tls().insecure());
        assertEquals("tlsv1.3", o.tls().version());
        assertEquals(8883, o.port(), "TLS moves the default port, as in mosquitto's tools");
        assertEquals(1884, parse("fanin", "--capath", "/etc/ssl/certs", "-p", "1884").port());
        assertTrue(refusal("fanin", "--cafile", "ca.pem", "--cert", "c.pem").contains("--cert and --key"));
        assertTrue(refusal("fanin", "--insecure").contains("need --cafile"));
        assertTrue(refusal("fanin", "--cafile", "ca.pem", "--tls-version", "tlsv1").contains("tlsv1.2 or tlsv1.3"));
    }

    @Test
    void mqtt5IsNamedAsNotYetAvailable() {
        assertTrue(refusal("fanin", "-V", "5").contains("MQTT 5 (-V 5) is not yet available"));
        assertTrue(refusal("fanin", "-V", "mqttv5").contains("not yet available"));
        assertTrue(refusal("fanin", "-V", "4").contains("Invalid protocol version '4'"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "''|No scenario given",
        "storm|Unknown scenario 'storm'",
        "fanin --bogus|Unknown option '--bogus'",
        "fanin fanout|Unknown option 'fanout'",
        "fanin -q 3|Invalid value for -q: '3'",
        "fanin -q|-q needs a value",
        "fanin -p 0|Invalid value for -p: '0'",
        "fanin -p http|Invalid value for -p: 'http'",
        "fanin -s 19|Invalid value for -s: '19'",
        "fanin -m 0|Invalid value for -m: '0'",
        "fanin -m 10 -d 5s|cannot be used together",
        "fanin -d 0s|-d must be longer than zero",
        "fanin -d soon|Invalid duration for -d: 'soon'",
        "fanin --inflight 70000|Invalid value for --inflight",
        "fanin -P pw|-P needs -u",
        "fanin --connections 5|--connections applies to the conn and sessions scenarios only",
        "conn -m 5|conn opens idle connections",
        "conn -q 1|conn opens idle connections",
        "drain -q 0|drain needs --qos 1 or 2",
        "drain -d 5s|drain is count driven",
        "drain --subscribers 2|one persistent subscriber",
        "conn --persistent|--persistent applies to fanin, fanout, p2p and latency",
        "drain --persistent|--persistent applies to fanin, fanout, p2p and latency",
        "fanin --retained 5|--retained applies to the sessions scenario only",
        "sessions -m 5|sessions creates persistent sessions",
        "sessions --hold 1s|sessions creates persistent sessions",
        "sessions --retained -1|Invalid value for --retained",
        "fanin --hold 1s|--hold applies to the conn scenario only"})
    void badCommandLinesAreRefusedWithAReason(String commandLine, String expected) {
        String[] args = commandLine.isEmpty() ? new String[0] : commandLine.split(" ");
        String message = refusal(args);
        assertTrue(message.contains(expected), () -> "'" + message + "' should contain '" + expected + "'");
    }

    @Test
    void persistentSubscribersAreAskedFor() throws Exception {
        assertFalse(parse("fanin").persistent());
        BenchOptions o = parse("fanin", "--persistent", "-q", "1");
        assertTrue(o.persistent());
        assertEquals(1, o.qos());
        assertTrue(o.forWarmup().persistent());
        assertTrue(RunHeader.trafficShape(o).contains("1 persistent subscriber,"), RunHeader.trafficShape(o));
    }

    @Test
    void sessionsDefaults() throws Exception {
        BenchOptions o = parse("sessions", "--connections", "100000", "--retained", "5000");
        assertEquals(Scenario.SESSIONS, o.scenario());
        assertEquals(100_000, o.connections());
        assertEquals(5_000, o.retained());
        assertEquals(1, o.qos());
        assertEquals(0, parse("sessions").retained());
        assertEquals(1_000, parse("sessions").connections());
    }

    @Test
    void durationsTakeUnits() throws Exception {
        assertEquals(Duration.ofSeconds(7), DurationArgument.parse("-d", "7"));
        assertEquals(Duration.ofSeconds(7), DurationArgument.parse("-d", "7s"));
        assertEquals(Duration.ofMillis(250), DurationArgument.parse("-d", "250ms"));
        assertEquals(Duration.ofMinutes(3), DurationArgument.parse("-d", "3m"));
        assertEquals("10s", DurationArgument.format(Duration.ofSeconds(10)));
        assertEquals("250ms", DurationArgument.format(Duration.ofMillis(250)));
    }
}
