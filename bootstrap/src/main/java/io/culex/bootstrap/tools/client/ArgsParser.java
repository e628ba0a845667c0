package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.client.MqttVersion;
import java.util.Set;

/**
 * Reads mosquitto_pub / mosquitto_sub / mosquitto_rr 2.0 command lines into a {@link ClientConfig},
 * with their error wording. Cross-flag rules are checked afterwards by {@link ConfigChecks}.
 */
final class ArgsParser {

    /** TLS options the tools do not implement: they fail clearly instead of connecting otherwise than asked. */
    private static final Set<String> UNSUPPORTED_TLS_FLAGS = Set.of("--ciphers", "--tls-alpn", "--tls-engine",
            "--keyform", "--tls-engine-kpass-sha1", "--psk", "--psk-identity");
    private static final Set<String> PUB_ONLY = Set.of("-l", "-r", "--retain", "--repeat", "--repeat-delay");
    private static final Set<String> SUB_ONLY = Set.of("-T", "--filter-out", "-U", "--unsubscribe", "-C", "-E",
            "--retained-only", "--remove-retained", "--random-filter");
    private static final Set<String> PUB_RR = Set.of("-m", "--message", "-f", "--file", "-s", "--stdin-file", "-n",
            "--null-message");
    private static final Set<String> SUB_RR = Set.of("-W", "-N", "-v", "--verbose", "-F", "-R",
            "--retain-as-published", "--pretty");

    private final ClientConfig config;
    private final String[] args;
    private int next;

    private ArgsParser(ToolKind kind, String[] args) {
        this.config = new ClientConfig(kind);
        this.args = args;
    }

    /** @throws HelpRequested for --help; @throws UsageException for anything the tool cannot run */
    static ClientConfig parse(ToolKind kind, String[] args) throws UsageException, HelpRequested {
        ArgsParser parser = new ArgsParser(kind, args);
        while (parser.next < args.length) {
            parser.option(args[parser.next++]);
        }
        ConfigChecks.check(parser.config);
        return parser.config;
    }

    private void option(String flag) throws UsageException, HelpRequested {
        requireAllowed(flag);
        if (UNSUPPORTED_TLS_FLAGS.contains(flag)) {
            throw new UsageException(flag + " is not supported by culex tools yet.",
                    UsageException.Hint.NONE);
        }
        switch (flag) {
            case "--help":
                throw new HelpRequested();
            case "-h": case "--host":
                config.host = value(flag, "host");
                break;
            case "-p": case "--port":
                config.port = intValue(flag, "port", "Invalid port given: ", 1, 65_535);
                config.portGiven = true;
                break;
            case "-u": case "--username":
                config.username = value(flag, "username");
                break;
            case "-P": case "--pw":
                config.password = value(flag, "password");
                break;
            case "-i": case "--id":
                config.id = value(flag, "id");
                break;
            case "-I": case "--id-prefix":
                config.idPrefix = value(flag, "id prefix");
                break;
            case "-k": case "--keepalive":
                config.keepAliveSeconds = keepAlive(flag);
                break;
            case "-c": case "--disable-clean-session":
                config.cleanSession = false;
                break;
            case "-x":
                config.sessionExpiry = sessionExpiry(value(flag, "session expiry interval"));
                break;
            case "-D": case "--property":
                next += config.properties.parse(args, next);
                config.version = MqttVersion.MQTT_5; // as mosquitto: -D makes the client an MQTT 5 one
                break;
            case "-M":
                config.maxInflight = maxInflight(value(flag, "max_inflight"));
                break;
            case "-V": case "--protocol-version":
                config.version = version(value(flag, "version"));
                break;
            case "-d": case "--debug":
                config.debug = true;
                break;
            case "--quiet":
                config.quiet = true;
                break;
            case "--nodelay":
                break; // the client always disables Nagle's algorithm
            case "-A": case "--unix": case "--proxy":
                throw new UsageException(flag + " is not supported by culex tools yet.", UsageException.Hint.NONE);
            case "--cafile":
                config.caFile = value(flag, "certificate");
                break;
            case "--capath":
                config.caPath = value(flag, "certificate directory");
                break;
            case "--cert":
                config.certFile = value(flag, "certificate");
                break;
            case "--key":
                config.keyFile = value(flag, "key");
                break;
            case "--insecure":
                config.insecure = true;
                break;
            case "--tls-version":
                config.tlsVersion = value(flag, "version");
                break;
            case "--tls-use-os-certs":
                config.tlsUseOsCerts = true;
                break;
            case "-L": case "--url":
                MqttUrl.apply(value(flag, "URL"), config);
                break;
            case "-t": case "--topic":
                topic(flag);
                break;
            case "-q": case "--qos":
                config.qos = qos(flag, "Invalid QoS given: ");
                break;
            case "-r": case "--retain":
                config.retain = true;
                break;
            case "-m": case "--message":
                message(MessageSource.ARGUMENT);
                config.message = value(flag, "message");
                break;
            case "-f": case "--file":
                message(MessageSource.FILE);
                config.file = value(flag, "file");
                break;
            case "-l": case "--stdin-line":
                message(MessageSource.STDIN_LINES);
                break;
            case "-s": case "--stdin-file":
                message(MessageSource.STDIN_WHOLE);
                break;
            case "-n": case "--null-message":
                message(MessageSource.NULL_MESSAGE);
                break;
            case "--repeat":
                config.repeat = intValue(flag, "repeat count", "Invalid repeat count given: ", 1, Integer.MAX_VALUE);
                break;
            case "--repeat-delay":
                config.repeatDelaySeconds = repeatDelay(flag);
                break;
            case "-e": case "--response-topic":
                config.responseTopic = value(flag, "response topic");
                break;
            case "-T": case "--filter-out":
                config.filterOut.add(value(flag, "topic filter"));
                break;
            case "-U": case "--unsubscribe":
                config.unsubscribe.add(value(flag, "unsubscribe topic"));
                break;
            case "-C":
                config.count = countValue(flag);
                break;
            case "-W":
                config.timeoutSeconds = timeoutValue(flag);
                break;
            case "-R":
                config.noRetained = true;
                break;
            case "-E":
                config.exitAfterSubscribe = true;
                break;
            case "-N":
                config.endOfLine = false;
                break;
            case "-v": case "--verbose":
                config.verbose = true;
                break;
            case "-F":
                config.format = value(flag, "format");
                FormatString.check(config.format);
                break;
            case "--pretty":
                config.pretty = true;
                break;
            case "--retain-as-published":
                config.retainAsPublished = true;
                break;
            case "--retained-only":
                config.retainedOnly = true;
                break;
            case "--remove-retained":
                config.removeRetained = true;
                break;
            case "--random-filter":
                config.randomFilter = randomFilter(value(flag, "chance"));
                break;
            case "--will-topic":
                config.willTopic = value(flag, "will topic");
                break;
            case "--will-payload":
                config.willPayload = value(flag, "will payload");
                break;
            case "--will-qos":
                config.willQos = qos(flag, "Invalid will QoS ");
                break;
            case "--will-retain":
                config.willRetain = true;
                break;
            default:
                throw new UsageException("Unknown option '" + flag + "'.");
        }
    }

    /** Flags of another tool are unknown here, as they are to mosquitto's tools. */
    private void requireAllowed(String flag) throws UsageException {
        ToolKind kind = config.kind;
        boolean allowed = !(PUB_ONLY.contains(flag) && kind != ToolKind.PUB
                || SUB_ONLY.contains(flag) && kind != ToolKind.SUB
                || PUB_RR.contains(flag) && kind == ToolKind.SUB
                || SUB_RR.contains(flag) && kind == ToolKind.PUB
                || (flag.equals("-e") || flag.equals("--response-topic")) && kind != ToolKind.RR);
        if (!allowed) {
            throw new UsageException("Unknown option '" + flag + "'.");
        }
    }

    private void topic(String flag) throws UsageException {
        String topic = value(flag, "topic");
        if (config.kind != ToolKind.SUB && !config.topics.isEmpty()) {
            throw new UsageException("Duplicate topic argument given.");
        }
        config.topics.add(topic);
    }

    private void message(MessageSource source) throws UsageException {
        if (config.messageSource != MessageSource.NONE) {
            throw new UsageException("Only one type of message can be sent at once.");
        }
        config.messageSource = source;
    }

    private String value(String flag, String what) throws UsageException {
        if (next >= args.length) {
            throw new UsageException(flag + " argument given but no " + what + " specified.");
        }
        return args[next++];
    }

    private int intValue(String flag, String what, String invalid, int min, int max) throws UsageException {
        String text = value(flag, what);
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range value
        }
        throw new UsageException(invalid + text);
    }

    private int qos(String flag, String invalid) throws UsageException {
        return intValue(flag, "QoS", invalid, 0, 2);
    }

    private int keepAlive(String flag) throws UsageException {
        String text = value(flag, "keepalive");
        try {
            int seconds = Integer.parseInt(text);
            if (seconds == 0 || seconds >= 5 && seconds <= 65_535) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("Invalid keepalive given, it must be between 5 and 65535 inclusive.");
    }

    private int countValue(String flag) throws UsageException {
        String text = value(flag, "count");
        return positive(text, "Invalid message count \"" + text + "\".");
    }

    private int timeoutValue(String flag) throws UsageException {
        String text = value(flag, "timeout");
        return positive(text, "Invalid timeout \"" + text + "\".");
    }

    private static int positive(String text, String invalid) throws UsageException {
        try {
            int number = Integer.parseInt(text);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(invalid);
    }

    private double repeatDelay(String flag) throws UsageException {
        String text = value(flag, "repeat delay");
        try {
            double seconds = Double.parseDouble(text);
            if (seconds >= 0 && seconds < 1e6) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("Invalid repeat delay given: " + text);
    }

    private static MqttVersion version(String text) throws UsageException {
        switch (text) {
            case "mqttv31": case "31":
                return MqttVersion.MQTT_3_1;
            case "mqttv311": case "311":
                return MqttVersion.MQTT_3_1_1;
            case "mqttv5": case "5":
                return MqttVersion.MQTT_5;
            default:
                throw new UsageException("Invalid protocol version argument given.");
        }
    }

    /**
     * -x as mosquitto reads it: C's strtol in base 0 (so 0x10 and 010 are numbers), -1 or "∞" for a
     * session that never expires.
     */
    private static long sessionExpiry(String text) throws UsageException {
        if (text.equals("\u221e")) {
            return ClientConfig.SESSION_NEVER_EXPIRES;
        }
        Long value = strtol(text);
        if (value == null) {
            throw UsageException.withBlankLine("session-expiry-interval not a number.");
        }
        if (value > ClientConfig.SESSION_NEVER_EXPIRES || value < -1) {
            throw UsageException.withBlankLine("session-expiry-interval out of range.");
        }
        return value == -1 ? ClientConfig.SESSION_NEVER_EXPIRES : value;
    }

    /** C's strtol(text, &end, 0) where the whole text must be the number; {@code null} if it is not; clamped. */
    static Long strtol(String text) {
        int i = 0;
        while (i < text.length() && PropertyArgs.isCSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
            if (i + 2 < text.length() && Character.digit(text.charAt(i + 2), 16) >= 0) {
                radix = 16;
                i += 2;
            }
        } else if (text.startsWith("0", i)) {
            radix = 8;
        }
        int start = i;
        java.math.BigInteger value = java.math.BigInteger.ZERO;
        for (; i < text.length() && Character.digit(text.charAt(i), radix) >= 0; i++) {
            value = value.multiply(java.math.BigInteger.valueOf(radix))
                    .add(java.math.BigInteger.valueOf(Character.digit(text.charAt(i), radix)));
        }
        if (i == start || i != text.length()) {
            return null;
        }
        if (negative) {
            value = value.negate();
        }
        return value.max(java.math.BigInteger.valueOf(Long.MIN_VALUE)).min(java.math.BigInteger.valueOf(Long.MAX_VALUE))
                .longValue();
    }

    private static int maxInflight(String text) throws UsageException {
        long value = PropertyArgs.atol(text);
        if (value < 1) {
            throw UsageException.withBlankLine("Maximum inflight messages must be greater than 0.");
        }
        return (int) Math.min(value, 65_535);
    }

    /**
     * --random-filter's chance in percent, read as atof. mosquitto 2.0.11 stores 10 × chance out of
     * 10000 and so prints a tenth of what its help promises (50 prints 5 %); culex prints the chance
     * asked, and accepts the range the error message names, 0.1 to 100.0.
     */
    private static int randomFilter(String text) throws UsageException {
        double chance;
        try {
            java.util.regex.Matcher number = java.util.regex.Pattern
                    .compile("^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?").matcher(text);
            chance = number.find() ? Double.parseDouble(number.group().trim()) : 0;
        } catch (NumberFormatException e) {
            chance = 0;
        }
        if (chance < 0.1 || chance > 100.0) {
            throw UsageException.withBlankLine("--random-filter chance must be between 0.1-100.0");
        }
        return (int) Math.round(chance * 100);
    }

    /** --help: mosquitto prints the usage text and exits 1. */
    static final class HelpRequested extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
