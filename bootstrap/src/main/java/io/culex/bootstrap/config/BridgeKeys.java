package io.culex.bootstrap.config;

import io.culex.application.bridge.BridgeDirection;
import io.culex.application.bridge.BridgeStartType;
import io.culex.application.bridge.BridgeTopic;
import io.culex.application.bridge.RemoteAddress;
import io.culex.application.bridge.RestartTimeout;
import io.culex.application.protocol.ProtocolVersion;
import io.culex.domain.message.QoS;
import io.culex.domain.topic.InvalidTopicException;
import io.culex.domain.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The keys of a bridge section ({@code connection <name>} and what follows it), read as mosquitto.conf(5)
 * describes them for Mosquitto 2.0. Every handler applies to the current section.
 */
final class BridgeKeys {

    static final String REMOTE_PASSWORD = "remote_password";
    private static final String REMOTE_USERNAME = "remote_username";
    private static final String REMOTE_CLIENTID = "remote_clientid";

    /** Bridge keys accepted with a "not yet supported" warning. */
    static final Set<String> UNSUPPORTED = Set.of("bridge_bind_address", "bridge_identity", "bridge_psk",
            "bridge_require_ocsp", "local_password", "local_username");

    /** TLS options that mean nothing without bridge_cafile or bridge_capath. */
    static final List<String> TLS_OPTIONS_NEEDING_CA = List.of("bridge_certfile", "bridge_keyfile",
            "bridge_insecure", "bridge_tls_version", "bridge_alpn");

    private static final String EMPTY_PLACEHOLDER = "\"\"";
    private static final List<String> TLS_VERSIONS = List.of("tlsv1.3", "tlsv1.2", "tlsv1.1");
    private static final String TOPIC_SYNTAX = "a topic pattern, then optionally in, out or both, a QoS from 0 to 2, "
            + "a local prefix and a remote prefix";
    private static final long MAX_PACKET_SIZE = BrokerConfig.MQTT_MAX_PACKET_SIZE;

    /** The implemented keys of a bridge section, except {@code connection} which opens it. */
    static final Map<String, SectionHandler> HANDLERS = Map.ofEntries(
            Map.entry("address", BridgeKeys::addresses),
            Map.entry("addresses", BridgeKeys::addresses),
            Map.entry("round_robin", (line, bridge) -> bridge.roundRobin(line.booleanValue())),
            Map.entry("topic", BridgeKeys::topic),
            Map.entry("cleansession", (line, bridge) -> bridge.cleanSession(line.booleanValue())),
            Map.entry("local_cleansession", (line, bridge) -> bridge.localCleanSession(line.booleanValue())),
            Map.entry(REMOTE_CLIENTID, BridgeKeys::remoteClientId),
            Map.entry("clientid", BridgeKeys::remoteClientId),
            Map.entry("local_clientid", (line, bridge) -> {
                bridge.once("local_clientid", line);
                bridge.localClientId(line.word("a client id"));
            }),
            Map.entry(REMOTE_USERNAME, BridgeKeys::remoteUsername),
            Map.entry("username", BridgeKeys::remoteUsername),
            Map.entry(REMOTE_PASSWORD, BridgeKeys::remotePassword),
            Map.entry("password", BridgeKeys::remotePassword),
            Map.entry("notifications", (line, bridge) -> bridge.notifications(line.booleanValue())),
            Map.entry("notifications_local_only",
                    (line, bridge) -> bridge.notificationsLocalOnly(line.booleanValue())),
            Map.entry("notification_topic", BridgeKeys::notificationTopic),
            Map.entry("keepalive_interval", (line, bridge) -> bridge.keepAliveSeconds(line.intValue(0, 65_535))),
            Map.entry("start_type", BridgeKeys::startType),
            Map.entry("restart_timeout", BridgeKeys::restartTimeout),
            Map.entry("idle_timeout", (line, bridge) -> bridge.idleTimeoutSeconds(line.intValue(0, Integer.MAX_VALUE))),
            Map.entry("threshold", (line, bridge) -> bridge.threshold(line.intValue(0, Integer.MAX_VALUE))),
            Map.entry("try_private", (line, bridge) -> bridge.tryPrivate(line.booleanValue())),
            Map.entry("bridge_protocol_version", BridgeKeys::protocolVersion),
            Map.entry("bridge_attempt_unsubscribe", (line, bridge) -> bridge.attemptUnsubscribe(line.booleanValue())),
            Map.entry("bridge_outgoing_retain", (line, bridge) -> bridge.outgoingRetain(line.booleanValue())),
            Map.entry("bridge_max_packet_size", (line, bridge) -> bridge.maxPacketSize(line.longValue(0, MAX_PACKET_SIZE))),
            Map.entry("bridge_cafile", (line, bridge) -> bridge.caFile(file(line, bridge))),
            Map.entry("bridge_capath", (line, bridge) -> bridge.caPath(file(line, bridge))),
            Map.entry("bridge_certfile", (line, bridge) -> bridge.certFile(file(line, bridge))),
            Map.entry("bridge_keyfile", (line, bridge) -> bridge.keyFile(file(line, bridge))),
            Map.entry("bridge_insecure", BridgeKeys::insecure),
            Map.entry("bridge_tls_version", BridgeKeys::tlsVersion),
            Map.entry("bridge_alpn", (line, bridge) -> {
                bridge.once(line.key(), line);
                bridge.alpn(line.word("an ALPN protocol name such as x-amzn-mqtt-ca"));
            }),
            // Culex's own: bound what waits for an unreachable remote.
            Map.entry("bridge_max_queued_messages",
                    (line, bridge) -> bridge.maxQueuedMessages(line.intValue(0, Integer.MAX_VALUE))),
            Map.entry("bridge_max_queued_bytes", (line, bridge) -> bridge.maxQueuedBytes(line.longValue(0, Long.MAX_VALUE))));

    @FunctionalInterface
    interface SectionHandler {
        void apply(ConfigLine line, BridgeSection bridge) throws ConfigException;
    }

    private BridgeKeys() {
    }

    /** Every key of a bridge section but {@code connection}. */
    static Set<String> keys() {
        Set<String> keys = new java.util.HashSet<>(HANDLERS.keySet());
        keys.addAll(UNSUPPORTED);
        return keys;
    }

    /** {@code connection <name>}: starts a new bridge section. */
    static void connection(ConfigLine line, BrokerConfigBuilder config) throws ConfigException {
        config.bridges().start(line, line.word("a bridge name"));
    }

    /** The handler of a bridge key: refuses it outside a section, as Mosquitto ("Invalid bridge configuration"). */
    static ConfigKeys.KeyHandler handler(String key) {
        SectionHandler implemented = HANDLERS.get(key);
        return (line, config) -> {
            if (!config.bridges().started()) {
                throw line.error("only allowed in a bridge section, after a 'connection' line");
            }
            if (implemented != null) {
                implemented.apply(line, config.bridges().current());
            } else {
                line.text("a value");
                config.unsupported(line.key());
            }
        };
    }

    /** {@code address host[:port] [host[:port]...]}; IPv6 as {@code [::1]:1883}. Port 1883 by default. */
    private static void addresses(ConfigLine line, BridgeSection bridge) throws ConfigException {
        bridge.once("address", line);
        List<String> words = line.values();
        if (words.isEmpty()) {
            throw line.expected("one or more addresses such as broker.example.com:1883");
        }
        List<RemoteAddress> addresses = new ArrayList<>();
        for (String word : words) {
            addresses.add(address(line, word));
        }
        bridge.addresses(addresses);
    }

    static RemoteAddress address(ConfigLine line, String word) throws ConfigException {
        String host;
        String port = null;
        if (word.startsWith("[")) {
            int close = word.indexOf(']');
            if (close < 0 || (close + 1 < word.length() && word.charAt(close + 1) != ':')) {
                throw line.error("expected an address such as [::1]:1883, got '" + word + "'");
            }
            host = word.substring(1, close);
            port = close + 1 < word.length() ? word.substring(close + 2) : null;
        } else if (word.indexOf(':') != word.lastIndexOf(':')) {
            host = word; // a bare IPv6 address: no port can follow it
        } else {
            int colon = word.indexOf(':');
            host = colon < 0 ? word : word.substring(0, colon);
            port = colon < 0 ? null : word.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw line.error("expected an address such as broker.example.com:1883, got '" + word + "'");
        }
        int portNumber = port == null ? BrokerConfig.DEFAULT_PORT
                : (int) line.number(port, "a port number in '" + word + "'", 1, 65_535);
        return new RemoteAddress(host, portNumber);
    }

    /** {@code topic <pattern> [in|out|both [qos [local-prefix remote-prefix]]]}; {@code ""} stands for nothing. */
    private static void topic(ConfigLine line, BridgeSection bridge) throws ConfigException {
        List<String> words = line.values();
        if (words.isEmpty() || words.size() > 5) {
            throw line.expected(TOPIC_SYNTAX);
        }
        String pattern = placeholder(words.get(0));
        BridgeDirection direction = words.size() > 1 ? direction(line, words.get(1)) : BridgeDirection.OUT;
        QoS qos = words.size() > 2 ? QoS.of((int) line.number(words.get(2), "a QoS", 0, 2)) : QoS.AT_MOST_ONCE;
        String localPrefix = words.size() > 3 ? prefix(line, "local", words.get(3)) : "";
        String remotePrefix = words.size() > 4 ? prefix(line, "remote", words.get(4)) : "";
        if (pattern.isEmpty() && (localPrefix.isEmpty() || remotePrefix.isEmpty())) {
            // Mosquitto: "Invalid bridge remapping".
            throw line.error("a topic pattern of \"\" needs both a local and a remote prefix, which then name "
                    + "the topic, got '" + line.value() + "'");
        }
        if (!pattern.isEmpty()) {
            try {
                Topics.validateTopicFilter(pattern);
            } catch (InvalidTopicException e) {
                throw line.error("invalid topic pattern '" + pattern + "': " + e.getMessage());
            }
        }
        bridge.topic(new BridgeTopic(pattern, direction, qos, localPrefix, remotePrefix));
    }

    private static String placeholder(String word) {
        return word.equals(EMPTY_PLACEHOLDER) ? "" : word;
    }

    private static BridgeDirection direction(ConfigLine line, String word) throws ConfigException {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "in" -> BridgeDirection.IN;
            case "out" -> BridgeDirection.OUT;
            case "both" -> BridgeDirection.BOTH;
            default -> throw line.error("expected a direction in, out or both, got '" + word + "'");
        };
    }

    /** A prefix is part of a topic name: no wildcards (Mosquitto: "Invalid bridge topic local prefix"). */
    private static String prefix(ConfigLine line, String side, String word) throws ConfigException {
        String prefix = placeholder(word);
        if (!prefix.isEmpty()) {
            try {
                Topics.validateTopicName(prefix);
            } catch (InvalidTopicException e) {
                throw line.error("invalid " + side + " prefix '" + prefix + "': " + e.getMessage());
            }
        }
        return prefix;
    }

    private static void remoteClientId(ConfigLine line, BridgeSection bridge) throws ConfigException {
        bridge.once(REMOTE_CLIENTID, line);
        bridge.remoteClientId(line.word("a client id"));
    }

    private static void remoteUsername(ConfigLine line, BridgeSection bridge) throws ConfigException {
        bridge.once(REMOTE_USERNAME, line);
        bridge.remoteUsername(line.text("a username"));
    }

    private static void remotePassword(ConfigLine line, BridgeSection bridge) throws ConfigException {
        bridge.once(REMOTE_PASSWORD, line);
        bridge.remotePassword(line.text("a password"));
    }

    private static void notificationTopic(ConfigLine line, BridgeSection bridge) throws ConfigException {
        bridge.once(line.key(), line);
        String topic = line.word("a topic name");
        try {
            Topics.validateTopicName(topic);
        } catch (InvalidTopicException e) {
            throw line.error("invalid topic '" + topic + "': " + e.getMessage());
        }
        bridge.notificationTopic(topic);
    }

    private static void startType(ConfigLine line, BridgeSection bridge) throws ConfigException {
        String expected = "automatic, lazy or once";
        bridge.startType(switch (line.word(expected)) {
            case "automatic" -> BridgeStartType.AUTOMATIC;
            case "lazy" -> BridgeStartType.LAZY;
            case "once" -> BridgeStartType.ONCE;
            default -> throw line.expected(expected);
        });
    }

    /** {@code restart_timeout <constant>} or {@code restart_timeout <base> <cap>} (backoff with jitter). */
    private static void restartTimeout(ConfigLine line, BridgeSection bridge) throws ConfigException {
        List<String> words = line.values();
        if (words.isEmpty() || words.size() > 2) {
            throw line.expected("a number of seconds, or a base and a cap in seconds such as 5 30");
        }
        long base = line.number(words.get(0), "a number of seconds", 1, Integer.MAX_VALUE);
        long cap = words.size() == 2 ? line.number(words.get(1), "a cap in seconds", 1, Integer.MAX_VALUE) : 0;
        if (words.size() == 2 && cap < base) {
            throw line.error("the cap (" + cap + ") must not be less than the base (" + base + ")");
        }
        bridge.restartTimeout(new RestartTimeout(base, cap));
    }

    private static void protocolVersion(ConfigLine line, BridgeSection bridge) throws ConfigException {
        String expected = "mqttv31, mqttv311 or mqttv50";
        bridge.protocolVersion(switch (line.word(expected)) {
            case "mqttv31" -> ProtocolVersion.MQTT_3_1;
            case "mqttv311" -> ProtocolVersion.MQTT_3_1_1;
            case "mqttv50" -> ProtocolVersion.MQTT_5;
            default -> throw line.expected(expected);
        });
    }

    private static String file(ConfigLine line, BridgeSection bridge) throws ConfigException {
        bridge.once(line.key(), line);
        return line.text(line.key().equals("bridge_capath") ? "a directory path" : "a file path");
    }

    private static void insecure(ConfigLine line, BridgeSection bridge) throws ConfigException {
        boolean insecure = line.booleanValue();
        bridge.insecure(insecure);
        if (insecure) {
            bridge.remember(line.key(), line);
        }
    }

    private static void tlsVersion(ConfigLine line, BridgeSection bridge) throws ConfigException {
        String expected = "tlsv1.3, tlsv1.2 or tlsv1.1";
        String version = line.word(expected);
        if (!TLS_VERSIONS.contains(version)) {
            throw line.expected(expected);
        }
        bridge.once(line.key(), line);
        bridge.tlsVersion(version);
    }
}
