package io.culex.bootstrap.config;

import static io.culex.bootstrap.config.ConfigTexts.errorOf;
import static io.culex.bootstrap.config.ConfigTexts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnsupportedAndUnknownKeysTest {

    @Test
    void unsupportedKeysAreAcceptedAndWarnedOnceEachInFileOrder() throws ConfigException {
        BrokerConfig config = parse(
                "autosave_on_changes true",
                "memory_limit 1000000",
                "autosave_interval 1800",
                "autosave_interval 900",
                "autosave_on_changes false",
                "retained_persistence true");

        assertEquals(List.of(
                "accepted but not yet supported: autosave_on_changes",
                "accepted but not yet supported: memory_limit",
                "accepted but not yet supported: autosave_interval",
                "accepted but not yet supported: retained_persistence"), config.warnings());
    }

    @Test
    void unsupportedKeysDoNotChangeImplementedSettings() throws ConfigException {
        BrokerConfig config = parse("autosave_interval 60", "password_file /etc/mosquitto/passwd");

        assertEquals(BrokerConfig.defaults().listeners(), config.listeners());
        assertEquals(BrokerConfig.defaults().maxKeepalive(), config.maxKeepalive());
    }

    @Test
    void pluginOptionsAreAcceptedWhateverTheirName() throws ConfigException {
        BrokerConfig config = parse(
                "plugin /usr/lib/mosquitto_dynamic_security.so",
                "plugin_opt_config_file /var/lib/dynsec.json",
                "auth_plugin /usr/lib/auth.so",
                "auth_opt_backends files");

        assertEquals(List.of(
                "accepted but not yet supported: plugin",
                "accepted but not yet supported: plugin_opt_config_file",
                "accepted but not yet supported: auth_plugin",
                "accepted but not yet supported: auth_opt_backends"), config.warnings());
    }

    @Test
    void anUnsupportedKeyStillNeedsAValue() {
        assertEquals("test.conf:1: autosave_interval: expected a value, got nothing", errorOf("autosave_interval"));
    }

    @Test
    void bridgeKeysCulexDoesNotImplementAreWarnedAbout() throws ConfigException {
        BrokerConfig config = parse(
                "listener 1883",
                "connection cloud",
                "address cloud.example.com:8883",
                "topic sensors/# out 1 local/ remote/",
                "bridge_bind_address 10.0.0.1",
                "local_username bridge",
                "connection backup",
                "address backup.example.com",
                "bridge_require_ocsp true");

        assertEquals(List.of(new ListenerConfig(1883, null)), config.listeners());
        assertEquals(2, config.bridges().size());
        assertEquals(List.of(
                "accepted but not yet supported: bridge_bind_address",
                "accepted but not yet supported: local_username",
                "accepted but not yet supported: bridge_require_ocsp"), config.warnings());
    }

    @Test
    void aBridgeKeyOutsideABridgeSectionIsRefusedAsInMosquitto() {
        assertEquals("test.conf:2: address: only allowed in a bridge section, after a 'connection' line",
                errorOf("listener 1883", "address cloud.example.com"));
    }

    @Test
    void aBridgeNeedsAName() {
        assertEquals("test.conf:1: connection: expected a bridge name, got nothing", errorOf("connection"));
    }

    @Test
    void anUnknownKeyIsAnError() {
        assertEquals("test.conf:3: persistance: unknown configuration key",
                errorOf("listener 1883", "# typo below", "persistance true"));
    }

    @Test
    void keysAreCaseSensitiveAsInMosquitto() {
        assertEquals("test.conf:1: Allow_Anonymous: unknown configuration key", errorOf("Allow_Anonymous true"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"trace_level", "store_clean_interval", "ffdc_output", "websockets_origin",
            "bridge_ciphers", "auth_opt", "plugin_opt", "max_log_entries"})
    void keysMosquitto2RejectsAreUnknownHereToo(String key) {
        assertEquals("test.conf:1: " + key + ": unknown configuration key", errorOf(key + " value"));
    }

    /** Every key mosquitto 2.0.11 accepts, as probed from that binary, except include_dir and the bridge keys. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"acl_file", "allow_anonymous", "allow_duplicate_messages", "allow_zero_length_clientid",
            "auth_plugin", "auth_plugin_deny_special_chars", "auto_id_prefix", "autosave_interval",
            "autosave_on_changes", "bind_address", "bind_interface", "cafile", "capath", "certfile",
            "check_retain_source", "ciphers", "ciphers_tls1.3", "clientid_prefixes", "connection",
            "connection_messages", "crlfile", "dhparamfile", "http_dir", "keyfile", "listener", "log_dest",
            "log_facility", "log_timestamp", "log_timestamp_format", "log_type", "max_connections",
            "max_inflight_bytes", "max_inflight_messages", "max_keepalive", "max_packet_size", "max_qos",
            "max_queued_bytes", "max_queued_messages", "max_topic_alias", "maximum_qos", "memory_limit",
            "message_size_limit", "mount_point", "password_file", "per_listener_settings", "persistence",
            "persistence_file", "persistence_location", "persistent_client_expiration", "pid_file", "plugin",
            "port", "protocol", "psk_file", "psk_hint", "queue_qos0_messages", "require_certificate",
            "retain_available", "retained_persistence", "retry_interval", "set_tcp_nodelay", "socket_domain",
            "sys_interval", "tls_engine", "tls_engine_kpass_sha1", "tls_keyform", "tls_version",
            "upgrade_outgoing_qos", "use_identity_as_username", "use_subject_as_username",
            "use_username_as_clientid", "user", "websockets_headers_size", "websockets_log_level"})
    void everyMosquitto2KeyIsKnown(String key) throws ConfigException {
        // A TLS listener needs both certfile and keyfile: give the one the key does not name.
        String companion = key.equals("certfile") ? "keyfile k" : key.equals("keyfile") ? "certfile c"
                : key.equals("connection") ? "address remote.example.com" : "";
        parse("listener 1883", key + " " + plausibleValue(key), companion);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"address", "addresses", "bridge_alpn", "bridge_attempt_unsubscribe",
            "bridge_bind_address", "bridge_cafile", "bridge_capath", "bridge_certfile", "bridge_identity",
            "bridge_insecure", "bridge_keyfile", "bridge_max_packet_size", "bridge_outgoing_retain",
            "bridge_protocol_version", "bridge_psk", "bridge_require_ocsp", "bridge_tls_version", "cleansession",
            "clientid", "idle_timeout", "keepalive_interval", "local_cleansession", "local_clientid",
            "local_password", "local_username", "notification_topic", "notifications", "notifications_local_only",
            "password", "remote_clientid", "remote_password", "remote_username", "restart_timeout", "round_robin",
            "start_type", "threshold", "topic", "try_private", "username"})
    void everyMosquitto2BridgeKeyIsKnownInABridgeSection(String key) throws ConfigException {
        String address = key.startsWith("address") ? "" : "address remote.example.com";
        // TLS options need a CA, a certificate its key, a password a username.
        String companion = key.startsWith("bridge_") && !key.equals("bridge_cafile") ? "bridge_cafile /ca.pem" : "";
        String pair = key.equals("bridge_certfile") ? "bridge_keyfile k" : key.equals("bridge_keyfile")
                ? "bridge_certfile c" : key.endsWith("password") ? "remote_username u" : "";
        assertEquals(1, parse("connection b", address, key + " " + plausibleBridgeValue(key), companion, pair)
                .bridges().size());
    }

    private static String plausibleBridgeValue(String key) {
        return switch (key) {
            case "bridge_attempt_unsubscribe", "bridge_insecure", "bridge_outgoing_retain", "cleansession",
                    "local_cleansession", "notifications", "notifications_local_only", "round_robin",
                    "try_private", "bridge_require_ocsp" -> "true";
            case "bridge_max_packet_size", "idle_timeout", "keepalive_interval", "restart_timeout",
                    "threshold" -> "10";
            case "bridge_protocol_version" -> "mqttv50";
            case "bridge_tls_version" -> "tlsv1.2";
            case "start_type" -> "lazy";
            default -> "x";
        };
    }

    private static String plausibleValue(String key) {
        return switch (key) {
            case "listener", "port" -> "1884";
            case "allow_anonymous", "allow_zero_length_clientid", "queue_qos0_messages", "retain_available",
                    "connection_messages", "log_timestamp", "per_listener_settings", "persistence" -> "true";
            case "max_keepalive", "max_inflight_messages", "max_queued_bytes", "max_queued_messages",
                    "message_size_limit", "sys_interval", "max_packet_size", "max_topic_alias" -> "10";
            case "persistent_client_expiration" -> "2h";
            case "log_dest" -> "stderr";
            case "log_type" -> "all";
            case "protocol" -> "websockets";
            case "tls_version" -> "tlsv1.2";
            case "require_certificate", "use_identity_as_username", "use_subject_as_username",
                    "use_username_as_clientid" -> "false";
            case "max_connections" -> "10";
            case "log_facility" -> "5";
            default -> "x";
        };
    }
}
