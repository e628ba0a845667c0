package io.culex.bootstrap.config;

import static io.culex.bootstrap.config.ConfigTexts.errorOf;
import static io.culex.bootstrap.config.ConfigTexts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-listener keys Culex implements: protocol, the TLS options and max_connections. */
class ListenerOptionsTest {

    @Test
    void everyTlsOptionReachesItsListener() throws ConfigException {
        BrokerConfig config = parse(
                "listener 8883 127.0.0.1",
                "certfile /etc/culex/server.crt",
                "keyfile /etc/culex/server.key",
                "cafile /etc/culex/ca.crt",
                "capath /etc/culex/cas",
                "crlfile /etc/culex/crl.pem",
                "tls_version tlsv1.2",
                "ciphers ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384",
                "require_certificate true",
                "use_identity_as_username true",
                "use_subject_as_username 1",
                "max_connections 500");

        ListenerConfig listener = config.listeners().get(0);
        assertEquals(new ListenerTlsConfig("/etc/culex/server.crt", "/etc/culex/server.key", "/etc/culex/ca.crt",
                "/etc/culex/cas", "/etc/culex/crl.pem", "tlsv1.2",
                "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384", true, true, true), listener.tls());
        assertEquals(500, listener.maxConnections());
        assertEquals(ListenerConfig.Protocol.MQTT, listener.protocol());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void optionsApplyToTheBlockTheyFollow() throws ConfigException {
        BrokerConfig config = parse(
                "listener 1883",
                "max_connections 10",
                "listener 8883",
                "certfile s.crt",
                "keyfile s.key",
                "listener 8080",
                "protocol websockets",
                "listener 8081",
                "protocol websockets",
                "certfile w.crt",
                "keyfile w.key");

        List<ListenerConfig> listeners = config.listeners();
        assertEquals(new ListenerConfig(1883, null, ListenerConfig.Protocol.MQTT, 10, null), listeners.get(0));
        assertEquals("s.crt", listeners.get(1).tls().certFile());
        assertEquals(ListenerConfig.Protocol.MQTT, listeners.get(1).protocol());
        assertEquals(new ListenerConfig(8080, null, ListenerConfig.Protocol.WEBSOCKETS, -1, null), listeners.get(2));
        assertEquals(ListenerConfig.Protocol.WEBSOCKETS, listeners.get(3).protocol());
        assertEquals("w.key", listeners.get(3).tls().keyFile());
        assertFalse(listeners.get(3).tls().requireCertificate());
        assertNull(listeners.get(3).tls().caFile());
    }

    @Test
    void optionsBeforeAnyListenerConfigureTheDefaultListenerWhichComesLast() throws ConfigException {
        BrokerConfig config = parse(
                "port 8883",
                "certfile d.crt",
                "keyfile d.key",
                "protocol websockets",
                "max_connections 3",
                "listener 1883",
                "max_connections 7");

        assertEquals(new ListenerConfig(1883, null, ListenerConfig.Protocol.MQTT, 7, null), config.listeners().get(0));
        ListenerConfig defaultListener = config.listeners().get(1);
        assertEquals(8883, defaultListener.port());
        assertEquals(ListenerConfig.Protocol.WEBSOCKETS, defaultListener.protocol());
        assertEquals(3, defaultListener.maxConnections());
        assertEquals("d.crt", defaultListener.tls().certFile());
    }

    @ParameterizedTest(name = "max_connections {0}")
    @CsvSource({"1, 1", "2147483647, 2147483647", "-1, -1", "-5, -1", "0, -1"})
    void maxConnectionsZeroOrNegativeMeansUnlimitedAsInMosquitto(String value, int expected) throws ConfigException {
        assertEquals(expected, parse("listener 1883", "max_connections " + value).listeners().get(0).maxConnections());
    }

    @ParameterizedTest(name = "tls_version {0}")
    @ValueSource(strings = {"tlsv1.3", "tlsv1.2", "tlsv1.1"})
    void tlsVersionsMosquitto2Knows(String version) throws ConfigException {
        assertEquals(version, parse("listener 8883", "certfile c", "keyfile k", "tls_version " + version)
                .listeners().get(0).tls().tlsVersion());
    }

    @Test
    void tlsOptionsWithoutCertfileAndKeyfileAreIgnoredWithAWarning() throws ConfigException {
        BrokerConfig config = parse("listener 1883", "cafile ca.crt", "require_certificate true",
                "use_identity_as_username false");

        assertNull(config.listeners().get(0).tls());
        assertEquals(List.of("cafile (test.conf:2), require_certificate (test.conf:3) ignored: the listener at"
                + " test.conf:1 has no certfile and keyfile, so it does not use TLS"), config.warnings());
    }

    @Test
    void theDefaultListenerIsNamedInTheWarning() throws ConfigException {
        assertEquals(List.of("ciphers (test.conf:1) ignored: the default listener has no certfile and keyfile,"
                + " so it does not use TLS"), parse("ciphers HIGH").warnings());
    }

    @Test
    void theKeysAreNoLongerReportedAsUnsupported() throws ConfigException {
        BrokerConfig config = parse("listener 8883", "certfile c", "keyfile k", "cafile a", "capath p",
                "crlfile r", "tls_version tlsv1.2", "ciphers X", "require_certificate true",
                "use_identity_as_username true", "use_subject_as_username true", "max_connections 5",
                "protocol websockets");
        assertTrue(config.warnings().isEmpty(), config.warnings().toString());
        for (String key : List.of("protocol", "cafile", "capath", "certfile", "keyfile", "tls_version", "ciphers",
                "require_certificate", "use_identity_as_username", "use_subject_as_username", "crlfile",
                "max_connections")) {
            assertTrue(ConfigKeys.implemented(key), key);
        }
        for (String key : List.of("ciphers_tls1.3", "dhparamfile", "psk_hint", "tls_engine", "tls_keyform",
                "http_dir", "websockets_headers_size")) {
            assertFalse(ConfigKeys.implemented(key), key);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            protocol                  | protocol: expected mqtt, websockets or http_api, got nothing
            protocol http             | protocol: expected mqtt, websockets or http_api, got 'http'
            protocol mqtt websockets  | protocol: expected mqtt, websockets or http_api, got 'mqtt websockets'
            max_connections           | max_connections: expected an integer (-1 for no limit), got nothing
            max_connections ten       | max_connections: expected an integer (-1 for no limit), got 'ten'
            max_connections -         | max_connections: expected an integer (-1 for no limit), got '-'
            max_connections 1.5       | max_connections: expected an integer (-1 for no limit), got '1.5'
            max_connections 3000000000 | max_connections: expected an integer (-1 for no limit) from 0 to 2147483647, got '3000000000'
            tls_version tlsv1         | tls_version: expected tlsv1.3, tlsv1.2 or tlsv1.1, got 'tlsv1'
            tls_version TLSv1.2       | tls_version: expected tlsv1.3, tlsv1.2 or tlsv1.1, got 'TLSv1.2'
            tls_version               | tls_version: expected tlsv1.3, tlsv1.2 or tlsv1.1, got nothing
            require_certificate yes   | require_certificate: expected true or false (or 1 or 0), got 'yes'
            use_identity_as_username  | use_identity_as_username: expected true or false (or 1 or 0), got nothing
            use_subject_as_username 2 | use_subject_as_username: expected true or false (or 1 or 0), got '2'
            cafile                    | cafile: expected a file path, got nothing
            capath                    | capath: expected a directory path, got nothing
            certfile                  | certfile: expected a file path, got nothing
            keyfile                   | keyfile: expected a file path, got nothing
            crlfile                   | crlfile: expected a file path, got nothing
            ciphers                   | ciphers: expected an OpenSSL cipher list such as ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256, got nothing
            ciphers A B               | ciphers: expected an OpenSSL cipher list such as ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256, got 'A B'
            """)
    void aBadValueNamesFileLineAndKey(String line, String expected) {
        assertEquals("test.conf:2: " + expected, errorOf("listener 8883", line));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"certfile", "keyfile", "cafile", "capath", "crlfile", "ciphers", "tls_version"})
    void aSecondValueInTheSameBlockIsRefusedAsInMosquitto(String key) {
        String value = key.equals("tls_version") ? "tlsv1.2" : "v";
        assertEquals("test.conf:3: " + key + ": duplicate value, already set at test.conf:2",
                errorOf("listener 8883", key + " " + value, key + " " + value));
    }

    @Test
    void theSameKeyInAnotherBlockIsNoDuplicate() throws ConfigException {
        assertEquals(2, parse("listener 8883", "certfile a", "keyfile a", "listener 8884", "certfile b",
                "keyfile b").listeners().size());
    }

    @Test
    void certfileWithoutKeyfileIsRefusedAtTheLineGiven() {
        assertEquals("test.conf:3: certfile: keyfile is missing: a TLS listener needs both certfile and keyfile",
                errorOf("listener 1883", "listener 8883", "certfile server.crt", "listener 8884"));
        assertEquals("test.conf:1: keyfile: certfile is missing: a TLS listener needs both certfile and keyfile",
                errorOf("keyfile server.key", "listener 1883"));
    }

    @Test
    void requireCertificateNeedsCafileOrCapath() throws ConfigException {
        assertEquals("test.conf:4: require_certificate: needs cafile or capath in the same listener block,"
                        + " to verify client certificates with",
                errorOf("listener 8883", "certfile c", "keyfile k", "require_certificate true"));
        assertTrue(parse("listener 8883", "certfile c", "keyfile k", "capath /etc/ssl/certs",
                "require_certificate true").listeners().get(0).tls().requireCertificate());
    }

    @Test
    void crlfileNeedsCafileOrCapath() {
        assertEquals("test.conf:4: crlfile: needs cafile or capath in the same listener block",
                errorOf("listener 8883", "certfile c", "keyfile k", "crlfile crl.pem"));
    }

    @Test
    void aLaterBooleanWins() throws ConfigException {
        assertFalse(parse("listener 8883", "certfile c", "keyfile k", "cafile a", "require_certificate true",
                "require_certificate false").listeners().get(0).tls().requireCertificate());
    }

    @Test
    void filePathsKeepTheirBlanks() throws ConfigException {
        assertEquals("/etc/my certs/server.crt", parse("listener 8883", "certfile /etc/my certs/server.crt",
                "keyfile k").listeners().get(0).tls().certFile());
    }
}
