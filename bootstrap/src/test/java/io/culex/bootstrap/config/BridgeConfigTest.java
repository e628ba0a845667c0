package io.culex.bootstrap.config;

import static io.culex.bootstrap.config.ConfigTexts.errorOf;
import static io.culex.bootstrap.config.ConfigTexts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.bridge.BridgeDirection;
import io.culex.application.bridge.BridgeSettings;
import io.culex.application.bridge.BridgeStartType;
import io.culex.application.bridge.BridgeTls;
import io.culex.application.bridge.BridgeTopic;
import io.culex.application.bridge.RemoteAddress;
import io.culex.application.bridge.RestartTimeout;
import io.culex.application.protocol.ProtocolVersion;
import io.culex.domain.message.QoS;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code connection} sections: Mosquitto 2.0's bridge options, defaults and errors. */
class BridgeConfigTest {

    private static BridgeSettings onlyBridge(String... lines) throws ConfigException {
        List<BridgeSettings> bridges = parse(lines).bridges();
        assertEquals(1, bridges.size());
        return bridges.get(0);
    }

    @Test
    void noConnectionLineMeansNoBridge() throws ConfigException {
        assertEquals(List.of(), parse("listener 1883").bridges());
        assertEquals(List.of(), BrokerConfig.defaults().bridges());
    }

    @Test
    void mosquittoDefaultsApply() throws ConfigException {
        BridgeSettings bridge = onlyBridge("connection cloud", "address cloud.example.com", "topic sensors/#");
        String remoteId = LocalHostName.get() + ".cloud";

        assertEquals("cloud", bridge.name());
        assertEquals(List.of(new RemoteAddress("cloud.example.com", 1883)), bridge.addresses());
        assertFalse(bridge.roundRobin());
        assertEquals(List.of(new BridgeTopic("sensors/#", BridgeDirection.OUT, QoS.AT_MOST_ONCE, "", "")),
                bridge.topics());
        assertFalse(bridge.cleanSession());
        assertFalse(bridge.localCleanSession());
        assertEquals(remoteId, bridge.remoteClientId());
        assertEquals("local." + remoteId, bridge.localClientId());
        assertNull(bridge.remoteUsername());
        assertNull(bridge.remotePassword());
        assertTrue(bridge.notifications());
        assertFalse(bridge.notificationsLocalOnly());
        assertEquals("$SYS/broker/connection/" + remoteId + "/state", bridge.notificationTopic());
        assertEquals(60, bridge.keepAliveSeconds());
        assertEquals(BridgeStartType.AUTOMATIC, bridge.startType());
        assertEquals(new RestartTimeout(5, 30), bridge.restartTimeout());
        assertEquals(60, bridge.idleTimeoutSeconds());
        assertEquals(10, bridge.threshold());
        assertTrue(bridge.tryPrivate());
        assertEquals(ProtocolVersion.MQTT_3_1_1, bridge.protocolVersion());
        assertTrue(bridge.attemptUnsubscribe());
        assertTrue(bridge.outgoingRetain());
        assertEquals(0, bridge.maxPacketSize());
        assertNull(bridge.tls());
        assertEquals(100_000, bridge.maxQueuedMessages());
        assertEquals(0, bridge.maxQueuedBytes());
    }

    @Test
    void everyOptionIsRead() throws ConfigException {
        BridgeSettings bridge = onlyBridge(
                "connection cloud",
                "addresses cloud-a.example.com:8883 10.0.0.2 [::1]:1884",
                "round_robin true",
                "topic sensors/# both 2 edge/ site1/",
                "topic \"\" in 1 local/status remote/status",
                "topic cmd/+ in",
                "cleansession true",
                "local_cleansession false",
                "remote_clientid edge-1",
                "local_clientid edge-local",
                "remote_username edge user",
                "remote_password s3cret pass",
                "notifications false",
                "notifications_local_only true",
                "notification_topic bridges/edge/state",
                "keepalive_interval 30",
                "start_type lazy",
                "restart_timeout 10",
                "idle_timeout 120",
                "threshold 50",
                "try_private false",
                "bridge_protocol_version mqttv50",
                "bridge_attempt_unsubscribe false",
                "bridge_outgoing_retain false",
                "bridge_max_packet_size 65536",
                "bridge_cafile /etc/ssl/ca.pem",
                "bridge_capath /etc/ssl/certs",
                "bridge_certfile /etc/ssl/edge.crt",
                "bridge_keyfile /etc/ssl/edge.key",
                "bridge_insecure true",
                "bridge_tls_version tlsv1.3",
                "bridge_alpn x-amzn-mqtt-ca",
                "bridge_max_queued_messages 0",
                "bridge_max_queued_bytes 1048576");

        assertEquals(List.of(new RemoteAddress("cloud-a.example.com", 8883), new RemoteAddress("10.0.0.2", 1883),
                new RemoteAddress("::1", 1884)), bridge.addresses());
        assertTrue(bridge.roundRobin());
        assertEquals(List.of(
                new BridgeTopic("sensors/#", BridgeDirection.BOTH, QoS.EXACTLY_ONCE, "edge/", "site1/"),
                new BridgeTopic("", BridgeDirection.IN, QoS.AT_LEAST_ONCE, "local/status", "remote/status"),
                new BridgeTopic("cmd/+", BridgeDirection.IN, QoS.AT_MOST_ONCE, "", "")), bridge.topics());
        assertEquals("edge/sensors/#", bridge.topics().get(0).localFilter());
        assertEquals("site1/sensors/#", bridge.topics().get(0).remoteFilter());
        assertTrue(bridge.cleanSession());
        assertFalse(bridge.localCleanSession());
        assertEquals("edge-1", bridge.remoteClientId());
        assertEquals("edge-local", bridge.localClientId());
        assertEquals("edge user", bridge.remoteUsername());
        assertEquals("s3cret pass", bridge.remotePassword());
        assertFalse(bridge.notifications());
        assertTrue(bridge.notificationsLocalOnly());
        assertEquals("bridges/edge/state", bridge.notificationTopic());
        assertEquals(30, bridge.keepAliveSeconds());
        assertEquals(BridgeStartType.LAZY, bridge.startType());
        assertEquals(new RestartTimeout(10, 0), bridge.restartTimeout());
        assertTrue(bridge.restartTimeout().isConstant());
        assertEquals(120, bridge.idleTimeoutSeconds());
        assertEquals(50, bridge.threshold());
        assertFalse(bridge.tryPrivate());
        assertEquals(ProtocolVersion.MQTT_5, bridge.protocolVersion());
        assertFalse(bridge.attemptUnsubscribe());
        assertFalse(bridge.outgoingRetain());
        assertEquals(65_536, bridge.maxPacketSize());
        assertEquals(new BridgeTls("/etc/ssl/ca.pem", "/etc/ssl/certs", "/etc/ssl/edge.crt", "/etc/ssl/edge.key",
                true, "tlsv1.3", "x-amzn-mqtt-ca"), bridge.tls());
        assertEquals(0, bridge.maxQueuedMessages());
        assertEquals(1_048_576, bridge.maxQueuedBytes());
        assertEquals(List.of(), parse("connection cloud", "address h", "bridge_cafile /ca.pem").warnings());
    }

    @Test
    void anInsecureBridgeIsWarnedAboutAsMosquittoDoes() throws ConfigException {
        assertEquals(List.of("bridge 'cloud' uses bridge_insecure: the remote's host name is not checked against "
                        + "its certificate"),
                parse("connection cloud", "address h", "bridge_cafile /ca.pem", "bridge_insecure true").warnings());
    }

    @Test
    void aliasesAndDerivedDefaults() throws ConfigException {
        BridgeSettings bridge = onlyBridge("connection cloud", "address h", "clientid edge-1", "username u",
                "password p", "cleansession true", "restart_timeout 2 60", "bridge_protocol_version mqttv31");

        assertEquals("edge-1", bridge.remoteClientId());
        assertEquals("local.edge-1", bridge.localClientId());
        assertEquals("$SYS/broker/connection/edge-1/state", bridge.notificationTopic());
        assertEquals("u", bridge.remoteUsername());
        assertEquals("p", bridge.remotePassword());
        assertTrue(bridge.localCleanSession(), "local_cleansession follows cleansession");
        assertEquals(new RestartTimeout(2, 60), bridge.restartTimeout());
        assertEquals(ProtocolVersion.MQTT_3_1, bridge.protocolVersion());
        assertEquals(BridgeStartType.ONCE, onlyBridge("connection c", "address h", "start_type once").startType());
    }

    @Test
    void bridgesKeepFileOrderAndKeysAfterGeneralOnesStillBelongToTheBridge() throws ConfigException {
        BrokerConfig config = parse(
                "connection first",
                "address a.example.com",
                "listener 1884",
                "max_keepalive 100",
                "topic after/listener",
                "connection second",
                "address b.example.com:1885",
                "topic x",
                "topic x");

        assertEquals(List.of("first", "second"), config.bridges().stream().map(BridgeSettings::name).toList());
        assertEquals("after/listener", config.bridges().get(0).topics().get(0).pattern());
        assertEquals(1, config.bridges().get(1).topics().size(), "a repeated topic line is skipped, as Mosquitto");
        assertEquals(100, config.maxKeepalive());
        assertEquals(1884, config.listeners().get(0).port());
    }

    @Test
    void tlsNeedsOnlyACertificateAuthority() throws ConfigException {
        BridgeTls tls = onlyBridge("connection c", "address h:8883", "bridge_capath /etc/ssl/certs").tls();
        assertEquals(new BridgeTls(null, "/etc/ssl/certs", null, null, false, null, null), tls);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            connection                      | 1 | connection: expected a bridge name, got nothing
            address h:0                     | 2 | address: expected a port number in 'h:0' from 1 to 65535, got '0'
            address h:x                     | 2 | address: expected a port number in 'h:x' from 1 to 65535, got 'x'
            address :1883                   | 2 | address: expected an address such as broker.example.com:1883, got ':1883'
            address [::1                    | 2 | address: expected an address such as [::1]:1883, got '[::1'
            topic a out 3                   | 3 | topic: expected a QoS from 0 to 2, got '3'
            topic a sideways                | 3 | topic: expected a direction in, out or both, got 'sideways'
            topic a out 1 loc/+ rem/        | 3 | topic: invalid local prefix 'loc/+': topic name must not contain wildcard '+' (index 4)
            topic a out 1 loc/ rem/#        | 3 | topic: invalid remote prefix 'rem/#': topic name must not contain wildcard '#' (index 4)
            topic "" out 1                  | 3 | topic: a topic pattern of "" needs both a local and a remote prefix, which then name the topic, got '"" out 1'
            topic "" out 1 loc/ ""          | 3 | topic: a topic pattern of "" needs both a local and a remote prefix, which then name the topic, got '"" out 1 loc/ ""'
            topic a/#/b                     | 3 | topic: invalid topic pattern 'a/#/b': topic filter wildcard '#' must be the last level (index 2)
            topic a in 1 l/ r/ extra        | 3 | topic: expected a topic pattern, then optionally in, out or both, a QoS from 0 to 2, a local prefix and a remote prefix, got 'a in 1 l/ r/ extra'
            bridge_protocol_version mqttv6  | 3 | bridge_protocol_version: expected mqttv31, mqttv311 or mqttv50, got 'mqttv6'
            keepalive_interval -1           | 3 | keepalive_interval: expected an integer from 0 to 65535, got '-1'
            idle_timeout -5                 | 3 | idle_timeout: expected an integer from 0 to 2147483647, got '-5'
            threshold -1                    | 3 | threshold: expected an integer from 0 to 2147483647, got '-1'
            restart_timeout 30 5            | 3 | restart_timeout: the cap (5) must not be less than the base (30)
            restart_timeout -1              | 3 | restart_timeout: expected a number of seconds from 1 to 2147483647, got '-1'
            start_type sometimes            | 3 | start_type: expected automatic, lazy or once, got 'sometimes'
            bridge_tls_version tlsv1.0      | 3 | bridge_tls_version: expected tlsv1.3, tlsv1.2 or tlsv1.1, got 'tlsv1.0'
            bridge_max_packet_size -1       | 3 | bridge_max_packet_size: expected an integer from 0 to 268435455, got '-1'
            bridge_max_queued_messages -1   | 3 | bridge_max_queued_messages: expected an integer from 0 to 2147483647, got '-1'
            notification_topic a/+/state    | 3 | notification_topic: invalid topic 'a/+/state': topic name must not contain wildcard '+' (index 2)
            try_private maybe               | 3 | try_private: expected true or false (or 1 or 0), got 'maybe'
            """)
    void badValuesNameFileLineAndKey(String badLine, int lineNumber, String message) {
        String[] lines = badLine.startsWith("connection") ? new String[] {badLine}
                : badLine.startsWith("address") ? new String[] {"connection c", badLine}
                : new String[] {"connection c", "address h", badLine};
        assertEquals("test.conf:" + lineNumber + ": " + message, errorOf(lines));
    }

    @Test
    void aDuplicateBridgeNameIsRefused() {
        assertEquals("test.conf:3: connection: duplicate bridge name 'cloud', already used at test.conf:1",
                errorOf("connection cloud", "address a", "connection cloud", "address b"));
    }

    @Test
    void aBridgeWithoutAddressIsRefusedAtItsConnectionLine() {
        assertEquals("test.conf:3: connection: bridge 'backup' has no address: add an 'address host[:port]' line "
                        + "after this one",
                errorOf("connection cloud", "address a", "connection backup", "topic x"));
    }

    @Test
    void singleValuedOptionsMayNotBeRepeated() {
        assertEquals("test.conf:4: addresses: duplicate value in bridge 'c', already set at test.conf:2",
                errorOf("connection c", "address a", "topic x", "addresses b"));
        assertEquals("test.conf:4: remote_clientid: duplicate value in bridge 'c', already set at test.conf:3",
                errorOf("connection c", "address a", "clientid one", "remote_clientid two"));
    }

    @Test
    void aPasswordNeedsAUsername() {
        assertEquals("test.conf:3: remote_password: a password needs remote_username (or username) in bridge 'c'",
                errorOf("connection c", "address a", "remote_password secret"));
    }

    @Test
    void certificateAndKeyGoTogether() {
        assertEquals("test.conf:4: bridge_certfile: bridge_certfile and bridge_keyfile must be given together in "
                        + "bridge 'c'",
                errorOf("connection c", "address a", "bridge_cafile /ca.pem", "bridge_certfile /c.crt"));
        assertEquals("test.conf:4: bridge_keyfile: bridge_certfile and bridge_keyfile must be given together in "
                        + "bridge 'c'",
                errorOf("connection c", "address a", "bridge_cafile /ca.pem", "bridge_keyfile /c.key"));
    }

    @Test
    void tlsOptionsWithoutACertificateAuthorityAreRefusedRatherThanSilentlyIgnored() {
        assertEquals("test.conf:3: bridge_insecure: needs bridge_cafile or bridge_capath in bridge 'c': TLS to the "
                        + "remote is only used with a CA to check its certificate",
                errorOf("connection c", "address a", "bridge_insecure true"));
        assertEquals("test.conf:3: bridge_tls_version: needs bridge_cafile or bridge_capath in bridge 'c': TLS to "
                        + "the remote is only used with a CA to check its certificate",
                errorOf("connection c", "address a", "bridge_tls_version tlsv1.2"));
    }

    @Test
    void twoBridgesMayNotShareALocalClientId() {
        assertEquals("test.conf:4: connection: bridge 'b' has the local_clientid 'local.same' of bridge 'a' "
                        + "(test.conf:1): set a different local_clientid or remote_clientid",
                errorOf("connection a", "address h", "clientid same", "connection b", "address h", "clientid same"));
    }

    @Test
    void theBridgeKeysAreImplementedExceptThoseWarnedAbout() {
        for (String key : BridgeKeys.HANDLERS.keySet()) {
            assertTrue(ConfigKeys.implemented(key), key);
        }
        assertTrue(ConfigKeys.implemented("connection"));
        for (String key : BridgeKeys.UNSUPPORTED) {
            assertFalse(ConfigKeys.implemented(key), key);
        }
    }
}
