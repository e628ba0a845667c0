package io.culex.bootstrap.config;

import io.culex.application.spi.AuthProviders;
import io.culex.application.spi.StorageProvider;
import io.culex.application.spi.StorageProviders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The key table: every key Mosquitto 2.0 accepts and what Culex does with it. The key list was
 * checked against mosquitto 2.0.11, which rejects every other key; keys are case-sensitive.
 * Keys Culex does not implement yet are accepted (with at least one value, not validated further)
 * and reported once each as a warning. {@code include_dir} is not here: {@link ConfigParser} handles it
 * because it reads files.
 */
final class ConfigKeys {

    @FunctionalInterface
    interface KeyHandler {
        void apply(ConfigLine line, BrokerConfigBuilder config) throws ConfigException;
    }

    private static final String PORT_NUMBER = "a port number";
    private static final String PORT_RANGE = ConfigLine.range(PORT_NUMBER, 0, ListenerConfig.MAX_PORT);
    /** Matches any value: the option always configures the default listener. */
    private static final String ANY_VALUE = "";

    private static final String CIPHER_LIST = "an OpenSSL cipher list such as "
            + "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256";
    private static final List<String> TLS_VERSIONS = List.of("tlsv1.3", "tlsv1.2", "tlsv1.1");

    /**
     * Per-listener options that, before the first {@code listener} line, configure and so create
     * Mosquitto's default listener, unless given the value mapped here (Mosquitto's own default).
     */
    private static final Map<String, String> DEFAULT_LISTENER_OPTIONS = Map.ofEntries(
            Map.entry("bind_interface", ANY_VALUE),
            Map.entry("cafile", ANY_VALUE),
            Map.entry("capath", ANY_VALUE),
            Map.entry("certfile", ANY_VALUE),
            Map.entry("ciphers", ANY_VALUE),
            Map.entry("ciphers_tls1.3", ANY_VALUE),
            Map.entry("crlfile", ANY_VALUE),
            Map.entry("dhparamfile", ANY_VALUE),
            Map.entry("keyfile", ANY_VALUE),
            Map.entry("max_connections", "-1"),
            Map.entry("max_qos", "2"),
            Map.entry("maximum_qos", "2"),
            Map.entry("protocol", "mqtt"),
            Map.entry("psk_hint", ANY_VALUE),
            Map.entry("require_certificate", "false"),
            Map.entry("socket_domain", ANY_VALUE),
            Map.entry("tls_engine", ANY_VALUE),
            Map.entry("tls_engine_kpass_sha1", ANY_VALUE),
            Map.entry("tls_keyform", "pem"),
            Map.entry("use_identity_as_username", "false"),
            Map.entry("use_subject_as_username", "false"),
            Map.entry("use_username_as_clientid", "false"));

    /** Every other accepted key Culex does not implement yet. */
    private static final Set<String> OTHER_OPTIONS = Set.of(
            // persistence; persistence_backend is Culex's own (which storage engine)
            "autosave_interval", "autosave_on_changes", "retained_persistence",
            // logging
            "websockets_log_level",
            // process
            "memory_limit", "user",
            // authentication and authorisation
            "auth_plugin", "auth_plugin_deny_special_chars",
            "plugin", "psk_file",
            // message handling (allow_duplicate_messages and retry_interval are deprecated but still accepted)
            "allow_duplicate_messages", "check_retain_source", "max_inflight_bytes",
            "retry_interval", "set_tcp_nodelay", "upgrade_outgoing_qos",
            // per-listener options that do not create the default listener
            "http_dir", "websockets_headers_size");

    /**
     * The per-listener options Culex implements. Each applies to the current listener block, or before the
     * first {@code listener} line to the default listener (see {@link ListenerLayout}).
     */
    private static final Map<String, KeyHandler> LISTENER_OPTIONS = Map.ofEntries(
            Map.entry("protocol", ConfigKeys::protocol),
            Map.entry("max_connections", ConfigKeys::maxConnections),
            Map.entry(ListenerOptions.CERTFILE, ConfigKeys::fileOption),
            Map.entry(ListenerOptions.KEYFILE, ConfigKeys::fileOption),
            Map.entry(ListenerOptions.CAFILE, ConfigKeys::fileOption),
            Map.entry(ListenerOptions.CRLFILE, ConfigKeys::fileOption),
            Map.entry(ListenerOptions.CAPATH,
                    (line, config) -> config.listeners().current().string(line, line.text("a directory path"))),
            Map.entry(ListenerOptions.CIPHERS,
                    (line, config) -> config.listeners().current().string(line, line.word(CIPHER_LIST))),
            Map.entry(ListenerOptions.TLS_VERSION, ConfigKeys::tlsVersion),
            Map.entry(ListenerOptions.REQUIRE_CERTIFICATE, ConfigKeys::flagOption),
            Map.entry(ListenerOptions.USE_IDENTITY_AS_USERNAME, ConfigKeys::flagOption),
            Map.entry(ListenerOptions.USE_SUBJECT_AS_USERNAME, ConfigKeys::flagOption),
            Map.entry(ListenerOptions.HTTP_API_USERS,
                    (line, config) -> config.listeners().current().string(line, line.text("one or more usernames"))),
            Map.entry(ListenerOptions.HTTP_API_TOKEN_FILE, ConfigKeys::fileOption),
            Map.entry(ListenerOptions.HTTP_API_ALLOW_ANONYMOUS, ConfigKeys::flagOption),
            // Per listener in Mosquitto, global here (one setting for every listener): any "true" line turns it on.
            Map.entry("use_username_as_clientid", ConfigKeys::useUsernameAsClientId));


    /** Plugin options: {@code auth_opt_<name>} and {@code plugin_opt_<name>}, any name. */
    private static final List<String> OPTION_PREFIXES = List.of("auth_opt_", "plugin_opt_");
    /** Culex's own: {@code auth_provider_opt_<name> <value>}, an option for the {@code auth_provider}. */
    static final String AUTH_PROVIDER_OPT_PREFIX = "auth_provider_opt_";

    private static final Map<String, KeyHandler> TABLE = buildTable();

    private ConfigKeys() {
    }

    /** The handler for {@code key}, or empty when Mosquitto 2.0 would not accept the key either. */
    static Optional<KeyHandler> handlerFor(String key) {
        KeyHandler handler = TABLE.get(key);
        if (handler == null && key.startsWith(AUTH_PROVIDER_OPT_PREFIX)) {
            handler = ConfigKeys::authProviderOption;
        }
        if (handler == null && OPTION_PREFIXES.stream().anyMatch(key::startsWith)) {
            handler = ConfigKeys::unsupported;
        }
        return Optional.ofNullable(handler);
    }

    /** Every key in the table (not the {@link #optionPrefixes()} families); docs/configuration.md lists each. */
    static Set<String> knownKeys() {
        return TABLE.keySet();
    }

    /** The key families accepted with any suffix, such as {@code plugin_opt_}. */
    static List<String> optionPrefixes() {
        return java.util.stream.Stream.concat(OPTION_PREFIXES.stream(), java.util.stream.Stream.of(AUTH_PROVIDER_OPT_PREFIX))
                .toList();
    }

    /** Whether {@code key} does something, rather than being accepted with a "not yet supported" warning. */
    static boolean implemented(String key) {
        if (key.startsWith(AUTH_PROVIDER_OPT_PREFIX)) {
            return true;
        }
        // mount_point has a handler of its own, but it only validates and warns.
        return TABLE.containsKey(key) && !key.equals("mount_point")
                && !BridgeKeys.UNSUPPORTED.contains(key)
                && (!DEFAULT_LISTENER_OPTIONS.containsKey(key) || LISTENER_OPTIONS.containsKey(key))
                && !OTHER_OPTIONS.contains(key);
    }

    private static void persistentClientExpiration(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        long seconds = ExpirationPeriod.parseSeconds(line.word(ExpirationPeriod.EXPECTED));
        if (seconds <= 0) {
            throw line.error("expected " + ExpirationPeriod.EXPECTED + ", got '" + line.word(ExpirationPeriod.EXPECTED) + "'");
        }
        config.persistentClientExpirationSeconds(seconds);
    }

    /** One of the storage backends on the class path (built in: memory, file, sqlite, rocksdb). */
    private static void persistenceBackend(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        List<String> names = StorageProviders.available().stream().map(StorageProvider::name).sorted().toList();
        String name = line.word("one of " + String.join(", ", names));
        if (!names.contains(name)) {
            throw line.error("expected one of " + String.join(", ", names) + ", got '" + name + "'");
        }
        config.persistenceBackend(name);
    }

    /** {@code server_reference <host[:port]> [permanent]}: MQTT 5 clients are redirected (0x9C, or 0x9D if permanent). */
    private static void serverReference(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        String[] words = line.text("a server reference such as other-host:1883, optionally followed by 'permanent'")
                .trim().split("\\s+");
        if (words.length > 2 || (words.length == 2 && !words[1].equals("permanent"))) {
            throw line.error("expected a server reference such as other-host:1883, optionally followed by 'permanent', got '"
                    + String.join(" ", words) + "'");
        }
        config.serverReference(words[0], words.length == 2);
    }

    private static Map<String, KeyHandler> buildTable() {
        Map<String, KeyHandler> table = new HashMap<>();
        register(table, "listener", ConfigKeys::listener);
        register(table, "port", (line, config) -> config.listeners().defaultPort(port(line, line.word(PORT_RANGE))));
        register(table, "bind_address",
                (line, config) -> config.listeners().defaultBindAddress(line, line.word("an address or host name")));
        // Security options: broker-wide, or with per_listener_settings true the current listener block's.
        register(table, "per_listener_settings",
                (line, config) -> config.perListenerSettings(line, line.booleanValue()));
        register(table, "allow_anonymous", (line, config) -> config.security(line).allowAnonymous(line.booleanValue()));
        register(table, "max_keepalive", (line, config) -> config.maxKeepalive(line.intValue(0, 65_535)));
        register(table, "allow_zero_length_clientid",
                (line, config) -> config.allowZeroLengthClientId(line.booleanValue()));
        // Mosquitto takes string values up to the end of the line, blanks included.
        register(table, "auto_id_prefix", (line, config) -> config.autoIdPrefix(line, line.text("a prefix")));
        register(table, "max_inflight_messages", (line, config) -> config.maxInflightMessages(line.intValue(0, 65_535)));
        register(table, "max_queued_messages",
                (line, config) -> config.maxQueuedMessages(line.intValue(0, Integer.MAX_VALUE)));
        register(table, "max_queued_bytes", (line, config) -> config.maxQueuedBytes(line.longValue(0, Long.MAX_VALUE)));
        register(table, "queue_qos0_messages", (line, config) -> config.queueQos0Messages(line.booleanValue()));
        register(table, "message_size_limit",
                (line, config) -> config.messageSizeLimit(line.intValue(0, BrokerConfig.MQTT_MAX_PACKET_SIZE)));
        register(table, "retain_available", (line, config) -> config.retainAvailable(line.booleanValue()));
        // Per listener in Mosquitto; Culex applies the value to every listener.
        register(table, "max_topic_alias", (line, config) -> config.maxTopicAlias(line.intValue(0, 65_535)));
        register(table, "max_packet_size",
                (line, config) -> config.maxPacketSize(line.intValue(0, BrokerConfig.MQTT_MAX_PACKET_SIZE)));
        register(table, "persistent_client_expiration", ConfigKeys::persistentClientExpiration);
        register(table, "server_reference", ConfigKeys::serverReference);
        register(table, "persistence", (line, config) -> config.persistence(line.booleanValue()));
        register(table, "persistence_location",
                (line, config) -> config.persistenceLocation(line.text("a directory path")));
        register(table, "persistence_file", (line, config) -> config.persistenceFile(line.text("a file name")));
        register(table, "persistence_backend", ConfigKeys::persistenceBackend);
        register(table, "log_dest", (line, config) -> config.logging().destination(line));
        register(table, "log_type", (line, config) -> config.logging().type(line));
        register(table, "connection_messages", (line, config) -> config.logging().connectionMessages(line.booleanValue()));
        register(table, "log_timestamp", (line, config) -> config.logging().timestamp(line.booleanValue()));
        // Mosquitto: an integer, 0 to 7 for local0 to local7 (anything else is an error there too)
        register(table, "log_facility", (line, config) -> config.logging().facility(line.intValue(0, 7)));
        register(table, "log_timestamp_format",
                (line, config) -> config.logging().timestampFormat(line.text("a strftime format")));
        register(table, "sys_interval", (line, config) -> config.sysIntervalSeconds(line.intValue(0, 65_535)));
        register(table, "pid_file", (line, config) -> config.pidFile(line.text("a file path")));
        register(table, "password_file",
                (line, config) -> config.security(line).passwordFile(line.text("a file path")));
        register(table, "acl_file", (line, config) -> config.security(line).aclFile(line.text("a file path")));
        // Mosquitto 2.0 reads one prefix (the rest of the line), not a list, and refuses others as not authorised.
        register(table, "clientid_prefixes", (line, config) -> config.clientIdPrefix(line, line.text("a prefix")));
        register(table, "auth_provider", ConfigKeys::authProvider);

        register(table, "connection", BridgeKeys::connection);
        register(table, "mount_point", ConfigKeys::listenerBlockOption);
        BridgeKeys.keys().forEach(key -> register(table, key, BridgeKeys.handler(key)));
        DEFAULT_LISTENER_OPTIONS.keySet().forEach(key -> register(table, key, ConfigKeys::defaultListenerOption));
        // Unlike the others, tls_version does not create Mosquitto's default listener.
        register(table, ListenerOptions.TLS_VERSION, LISTENER_OPTIONS.get(ListenerOptions.TLS_VERSION));
        // Culex's own, for http_api listeners: like tls_version, they do not create the default listener.
        for (String key : List.of(ListenerOptions.HTTP_API_USERS, ListenerOptions.HTTP_API_TOKEN_FILE,
                ListenerOptions.HTTP_API_ALLOW_ANONYMOUS)) {
            register(table, key, LISTENER_OPTIONS.get(key));
        }
        OTHER_OPTIONS.forEach(key -> register(table, key, ConfigKeys::unsupported));
        return Map.copyOf(table);
    }

    /** Fails at class initialisation if a key was listed twice, so the table has one meaning per key. */
    private static void register(Map<String, KeyHandler> table, String key, KeyHandler handler) {
        if (table.putIfAbsent(key, handler) != null) {
            throw new IllegalStateException("configuration key listed twice: " + key);
        }
    }

    private static void listener(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        List<String> words = line.values();
        if (words.isEmpty() || words.size() > 2) {
            throw line.expected(PORT_RANGE + " and an optional bind address");
        }
        int port = port(line, words.get(0));
        String bindAddress = words.size() == 2 ? words.get(1) : null;
        // Mosquitto 2.0 reads "listener 0 <path>" as a unix socket; binding a path over TCP would fail obscurely.
        if (port == 0 && bindAddress != null && bindAddress.contains("/")) {
            throw line.error("unix socket listeners are not supported yet, got '" + line.value() + "'");
        }
        config.listeners().declare(line, port, bindAddress);
    }

    private static int port(ConfigLine line, String word) throws ConfigException {
        return (int) line.number(word, PORT_NUMBER, 0, ListenerConfig.MAX_PORT);
    }

    /** An option Mosquitto 2.0 refuses before the first {@code listener} line. */
    private static void listenerBlockOption(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        if (!config.listeners().anyDeclared()) {
            throw line.error("only allowed after a 'listener' line");
        }
        unsupported(line, config);
    }

    private static void defaultListenerOption(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        KeyHandler implemented = LISTENER_OPTIONS.get(line.key());
        if (implemented != null) {
            implemented.apply(line, config);
        } else {
            unsupported(line, config);
        }
        if (!line.value().equals(DEFAULT_LISTENER_OPTIONS.get(line.key()))) {
            config.listeners().defaultListenerOptionSet();
        }
    }

    private static void protocol(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        String expected = "mqtt, websockets or http_api";
        ListenerConfig.Protocol protocol = switch (line.word(expected)) {
            case "mqtt" -> ListenerConfig.Protocol.MQTT;
            case "websockets" -> ListenerConfig.Protocol.WEBSOCKETS;
            case "http_api" -> ListenerConfig.Protocol.HTTP_API;
            default -> throw line.expected(expected);
        };
        config.listeners().current().protocol(protocol);
    }

    /** As Mosquitto: a positive limit, or -1 (any negative number, and 0) for none. */
    private static void maxConnections(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        String what = "an integer (-1 for no limit)";
        String word = line.word(what);
        boolean negative = word.startsWith("-");
        String digits = negative ? word.substring(1) : word;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw line.expected(what);
        }
        long limit = negative ? ListenerConfig.UNLIMITED : line.number(digits, what, 0, Integer.MAX_VALUE);
        config.listeners().current().maxConnections(limit <= 0 ? ListenerConfig.UNLIMITED : (int) limit);
    }

    private static void fileOption(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        config.listeners().current().string(line, line.text("a file path"));
    }

    private static void flagOption(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        config.listeners().current().flag(line, line.booleanValue());
    }

    private static void tlsVersion(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        String version = line.word(String.join(", ", TLS_VERSIONS.subList(0, 2)) + " or " + TLS_VERSIONS.get(2));
        if (!TLS_VERSIONS.contains(version)) {
            throw line.expected(String.join(", ", TLS_VERSIONS.subList(0, 2)) + " or " + TLS_VERSIONS.get(2));
        }
        config.listeners().current().string(line, version);
    }

    /** Culex's own: the name of an {@link io.culex.application.spi.AuthProvider} on the class path, checked here so the error names the line. */
    private static void authProvider(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        String name = line.word("the name of an authentication provider");
        try {
            AuthProviders.byName(name);
        } catch (IllegalArgumentException | java.util.ServiceConfigurationError e) {
            throw line.error(e.getMessage());
        }
        config.security(line).authProvider(line, name);
    }

    private static void authProviderOption(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        String option = line.key().substring(AUTH_PROVIDER_OPT_PREFIX.length());
        if (option.isEmpty()) {
            throw line.error("expected an option name after '" + AUTH_PROVIDER_OPT_PREFIX + "'");
        }
        config.security(line).authProviderOption(line, option, line.text("a value"));
    }

    private static void useUsernameAsClientId(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        if (line.booleanValue()) {
            config.useUsernameAsClientId(true);
        }
    }

    private static void unsupported(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        line.text("a value");
        config.unsupported(line.key());
    }
}
