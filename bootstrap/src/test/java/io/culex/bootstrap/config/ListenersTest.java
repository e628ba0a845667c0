package io.culex.bootstrap.config;

import static io.culex.bootstrap.config.ConfigTexts.errorOf;
import static io.culex.bootstrap.config.ConfigTexts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListenersTest {

    @Test
    void withoutListenerTheBrokerIsLocalOnlyAndAllowsAnonymous() throws ConfigException {
        BrokerConfig config = parse("max_keepalive 60");

        assertEquals(List.of(new ListenerConfig(1883, "127.0.0.1")), config.listeners());
        assertTrue(config.allowAnonymous());
    }

    @Test
    void localOnlyModeHonoursAnExplicitAllowAnonymousFalse() throws ConfigException {
        BrokerConfig config = parse("allow_anonymous false");

        assertEquals(List.of(new ListenerConfig(1883, "127.0.0.1")), config.listeners());
        assertFalse(config.allowAnonymous());
    }

    @Test
    void aListenerOnAllInterfacesDeniesAnonymousUnlessAllowed() throws ConfigException {
        BrokerConfig config = parse("listener 1883");

        assertEquals(List.of(new ListenerConfig(1883, null)), config.listeners());
        assertFalse(config.allowAnonymous());
    }

    @Test
    void allowAnonymousTrueWithAListenerIsHonoured() throws ConfigException {
        assertTrue(parse("listener 1883", "allow_anonymous true").allowAnonymous());
        assertTrue(parse("allow_anonymous true", "listener 1883").allowAnonymous());
    }

    @Test
    void severalListenerBlocksKeepFileOrderAndBindAddresses() throws ConfigException {
        BrokerConfig config = parse(
                "listener 1883 127.0.0.1",
                "max_connections 100",
                "",
                "listener 8883 broker.example.com",
                "cafile /etc/ssl/ca.pem",
                "",
                "listener 0",
                "listener 1884 ::1");

        assertEquals(List.of(
                new ListenerConfig(1883, "127.0.0.1", ListenerConfig.Protocol.MQTT, 100, null),
                new ListenerConfig(8883, "broker.example.com"),
                new ListenerConfig(0, null),
                new ListenerConfig(1884, "::1")), config.listeners());
        assertEquals(List.of("cafile (test.conf:5) ignored: the listener at test.conf:4 has no certfile and keyfile,"
                + " so it does not use TLS"), config.warnings());
    }

    @Test
    void portConfiguresTheLegacyDefaultListenerOnAllInterfaces() throws ConfigException {
        BrokerConfig config = parse("port 1884");

        assertEquals(List.of(new ListenerConfig(1884, null)), config.listeners());
        assertFalse(config.allowAnonymous());
    }

    @Test
    void bindAddressAloneGivesTheDefaultListenerOnPort1883() throws ConfigException {
        BrokerConfig config = parse("bind_address 10.0.0.5");

        assertEquals(List.of(new ListenerConfig(1883, "10.0.0.5")), config.listeners());
        assertFalse(config.allowAnonymous());
    }

    @Test
    void theLegacyDefaultListenerComesAfterTheListenerBlocksWhereverItIsWritten() throws ConfigException {
        List<ListenerConfig> expected = List.of(new ListenerConfig(1900, null), new ListenerConfig(1901, "127.0.0.1"));

        assertEquals(expected, parse("port 1901", "bind_address 127.0.0.1", "listener 1900").listeners());
        assertEquals(expected, parse("listener 1900", "port 1901", "bind_address 127.0.0.1").listeners());
    }

    @Test
    void aLaterPortLineWins() throws ConfigException {
        assertEquals(List.of(new ListenerConfig(1885, null)), parse("port 1884", "port 1885").listeners());
    }

    @Test
    void aSecondBindAddressIsRefusedAsInMosquitto() {
        assertEquals("test.conf:2: bind_address: duplicate value, already set at test.conf:1",
                errorOf("bind_address 127.0.0.1", "bind_address 10.0.0.1"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"max_connections 10", "protocol websockets", "cafile /etc/ca.pem",
            "require_certificate true", "use_username_as_clientid true", "max_qos 1", "socket_domain ipv4"})
    void aPerListenerOptionBeforeAnyListenerCreatesTheDefaultListenerAsInMosquitto(String option)
            throws ConfigException {
        BrokerConfig config = parse(option);

        assertEquals(1, config.listeners().size());
        assertEquals(1883, config.listeners().get(0).port());
        assertEquals(null, config.listeners().get(0).bindAddress());
        assertFalse(config.allowAnonymous());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"max_connections -1", "protocol mqtt", "require_certificate false", "max_qos 2",
            "tls_keyform pem", "http_dir /var/www", "tls_version tlsv1.2", "max_topic_alias 10"})
    void aPerListenerOptionAtMosquittosOwnDefaultKeepsLocalOnlyMode(String option) throws ConfigException {
        BrokerConfig config = parse(option);

        assertEquals(List.of(new ListenerConfig(1883, "127.0.0.1")), config.listeners());
        assertTrue(config.allowAnonymous());
    }

    @Test
    void aPerListenerOptionInsideAListenerBlockAddsNoDefaultListener() throws ConfigException {
        assertEquals(List.of(new ListenerConfig(1883, null, ListenerConfig.Protocol.MQTT, 10, null)),
                parse("listener 1883", "max_connections 10").listeners());
    }

    @Test
    void mountPointNeedsAListenerAsInMosquitto() throws ConfigException {
        assertEquals("test.conf:1: mount_point: only allowed after a 'listener' line", errorOf("mount_point site/"));
        assertEquals(List.of("accepted but not yet supported: mount_point"),
                parse("listener 1883", "mount_point site/").warnings());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            listener 65536              | listener: expected a port number from 0 to 65535, got '65536'
            listener -1                 | listener: expected a port number from 0 to 65535, got '-1'
            listener http               | listener: expected a port number from 0 to 65535, got 'http'
            listener                    | listener: expected a port number from 0 to 65535 and an optional bind address, got nothing
            listener 1883 0.0.0.0 extra | listener: expected a port number from 0 to 65535 and an optional bind address, got '1883 0.0.0.0 extra'
            listener 0 /run/mqtt.sock   | listener: unix socket listeners are not supported yet, got '0 /run/mqtt.sock'
            port 70000                  | port: expected a port number from 0 to 65535, got '70000'
            port                        | port: expected a port number from 0 to 65535, got nothing
            port 1883 1884              | port: expected a port number from 0 to 65535, got '1883 1884'
            bind_address                | bind_address: expected an address or host name, got nothing
            bind_address a b            | bind_address: expected an address or host name, got 'a b'
            """)
    void aBadListenerLineNamesFileLineAndKey(String line, String expected) {
        assertEquals("test.conf:3: " + expected, errorOf("listener 1883", "", line));
    }
}
