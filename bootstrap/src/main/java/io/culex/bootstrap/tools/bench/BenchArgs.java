package io.culex.bootstrap.tools.bench;

import io.culex.adapters.netty.client.ClientOptions;
import io.culex.adapters.netty.client.MqttVersion;
import java.nio.file.Path;
import java.time.Duration;

/** Reads {@code culex bench <scenario> [options]} into {@link BenchOptions}, refusing what it cannot run. */
final class BenchArgs {

    static final long DEFAULT_MESSAGES = 10_000;
    static final int DEFAULT_LATENCY_RATE = 1_000;
    static final int DEFAULT_CONNECTIONS = 1_000;
    static final Duration DEFAULT_HOLD = Duration.ofSeconds(10);
    static final int DEFAULT_INFLIGHT = 100;
    static final int DEFAULT_PAYLOAD = 64;
    /** The largest payload this tool sends: far beyond any benchmark, well below the MQTT limit. */
    static final int MAX_PAYLOAD = 64 * 1024 * 1024;

    private final String[] args;
    private int next;

    private Scenario scenario;
    private String host = "localhost";
    private Integer port;
    private MqttVersion version = MqttVersion.MQTT_3_1_1;
    private String username;
    private String password;
    private String caFile;
    private String caPath;
    private String certFile;
    private String keyFile;
    private boolean insecure;
    private String tlsVersion;
    private Integer qos;
    private int payloadSize = DEFAULT_PAYLOAD;
    private Long messages;
    private Duration duration;
    private Integer publishers;
    private Integer subscribers;
    private Integer connections;
    private Duration hold;
    private Integer rate;
    private Duration warmup = Duration.ZERO;
    private int inflight = DEFAULT_INFLIGHT;
    private int keepAlive = 60;
    private int ioThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private boolean progress;
    private boolean json;
    private boolean persistent;
    private Integer retained;

    private BenchArgs(String[] args) {
        this.args = args;
    }

    /** Thrown for {@code --help}: the usage goes to stdout and the run ends successfully. */
    static final class HelpRequested extends Exception {
        private static final long serialVersionUID = 1L;
    }

    static BenchOptions parse(String[] args) throws BenchUsageException, HelpRequested {
        BenchArgs parser = new BenchArgs(args);
        while (parser.next < args.length) {
            parser.option(args[parser.next++]);
        }
        return parser.build();
    }

    private void option(String arg) throws BenchUsageException, HelpRequested {
        switch (arg) {
            case "--help":
                throw new HelpRequested();
            case "-h": case "--host":
                host = value(arg);
                break;
            case "-p": case "--port":
                port = (int) number(arg, 1, 65_535);
                break;
            case "-V": case "--protocol-version":
                version = ProtocolVersions.named(value(arg));
                break;
            case "-u": case "--username":
                username = value(arg);
                break;
            case "-P": case "--pw":
                password = value(arg);
                break;
            case "--cafile":
                caFile = value(arg);
                break;
            case "--capath":
                caPath = value(arg);
                break;
            case "--cert":
                certFile = value(arg);
                break;
            case "--key":
                keyFile = value(arg);
                break;
            case "--insecure":
                insecure = true;
                break;
            case "--tls-version":
                tlsVersion = value(arg);
                break;
            case "-q": case "--qos":
                qos = (int) number(arg, 0, 2);
                break;
            case "-s": case "--size":
                payloadSize = (int) number(arg, SequencedPayload.HEADER_BYTES, MAX_PAYLOAD);
                break;
            case "-m": case "--messages":
                messages = number(arg, 1, Integer.MAX_VALUE);
                break;
            case "-d": case "--duration":
                duration = positive(arg, DurationArgument.parse(arg, value(arg)));
                break;
            case "--publishers":
                publishers = (int) number(arg, 1, 100_000);
                break;
            case "--subscribers":
                subscribers = (int) number(arg, 1, 100_000);
                break;
            case "--connections":
                connections = (int) number(arg, 1, 1_000_000);
                break;
            case "--hold":
                hold = DurationArgument.parse(arg, value(arg));
                break;
            case "--rate":
                rate = (int) number(arg, 1, 100_000_000);
                break;
            case "--warmup":
                warmup = DurationArgument.parse(arg, value(arg));
                break;
            case "--inflight":
                inflight = (int) number(arg, 1, 65_535);
                break;
            case "-k": case "--keepalive":
                keepAlive = (int) number(arg, 0, 65_535);
                break;
            case "--threads":
                ioThreads = (int) number(arg, 1, 1_024);
                break;
            case "--progress":
                progress = true;
                break;
            case "--json":
                json = true;
                break;
            case "--persistent":
                persistent = true;
                break;
            case "--retained":
                retained = (int) number(arg, 0, 10_000_000);
                break;
            default:
                if (scenario == null && !arg.startsWith("-")) {
                    scenario = Scenario.named(arg).orElseThrow(() -> new BenchUsageException(
                            "Unknown scenario '" + arg
                                    + "': use fanin, fanout, p2p, conn, latency, drain or sessions."));
                } else {
                    throw new BenchUsageException("Unknown option '" + arg + "'.");
                }
        }
    }

    private BenchOptions build() throws BenchUsageException {
        if (scenario == null) {
            throw new BenchUsageException(
                    "No scenario given: use fanin, fanout, p2p, conn, latency, drain or sessions.");
        }
        if (messages != null && duration != null) {
            throw new BenchUsageException("--messages and --duration cannot be used together.");
        }
        if (password != null && username == null) {
            throw new BenchUsageException("-P needs -u.");
        }
        ClientOptions.Tls tls = tls();
        int pubs = publishers == null ? scenario.defaultPublishers() : publishers;
        int subs = subscribers == null ? scenario.defaultSubscribers() : subscribers;
        int level = qos == null ? (scenario == Scenario.DRAIN || scenario == Scenario.SESSIONS ? 1 : 0) : qos;
        int perPublisherRate = rate == null ? (scenario == Scenario.LATENCY ? DEFAULT_LATENCY_RATE : 0) : rate;
        switch (scenario) {
            case P2P:
                if (subscribers != null && publishers != null && !subscribers.equals(publishers)) {
                    throw new BenchUsageException("p2p pairs each publisher with a subscriber: --subscribers must equal"
                            + " --publishers.");
                }
                subs = subscribers != null ? subscribers : pubs;
                pubs = subs;
                break;
            case CONN:
                refuse(messages != null || duration != null || publishers != null || subscribers != null
                        || rate != null || qos != null, "conn opens idle connections: it takes --connections and --hold,"
                        + " not --messages, --duration, --publishers, --subscribers, --rate or --qos.");
                break;
            case DRAIN:
                refuse(level == 0, "drain needs --qos 1 or 2: brokers queue QoS 0 messages for offline sessions only"
                        + " when configured to.");
                refuse(subscribers != null && subscribers != 1, "drain uses one persistent subscriber.");
                refuse(duration != null, "drain is count driven: use --messages.");
                break;
            case SESSIONS:
                refuse(messages != null || duration != null || publishers != null || subscribers != null
                        || rate != null || hold != null, "sessions creates persistent sessions: it takes --connections,"
                        + " --retained and --qos, not --messages, --duration, --publishers, --subscribers, --rate or"
                        + " --hold.");
                break;
            default:
                break;
        }
        refuse(scenario != Scenario.CONN && hold != null, "--hold applies to the conn scenario only.");
        refuse(scenario != Scenario.CONN && scenario != Scenario.SESSIONS && connections != null,
                "--connections applies to the conn and sessions scenarios only.");
        refuse(persistent && (scenario == Scenario.CONN || scenario == Scenario.DRAIN || scenario == Scenario.SESSIONS),
                "--persistent applies to fanin, fanout, p2p and latency (drain and sessions are always persistent).");
        refuse(scenario != Scenario.SESSIONS && retained != null, "--retained applies to the sessions scenario only.");
        return new BenchOptions(scenario, host, port != null ? port : tls != null ? 8883 : 1883, version, username,
                password, tls, level, payloadSize, duration != null ? 0 : messages != null ? messages : DEFAULT_MESSAGES,
                duration, pubs, subs, connections == null ? DEFAULT_CONNECTIONS : connections,
                hold == null ? DEFAULT_HOLD : hold, perPublisherRate, warmup, inflight, keepAlive, ioThreads, progress,
                json, persistent, retained == null ? 0 : retained);
    }

    /** TLS as in culex pub/sub: on with a CA file or directory; --cert/--key together and only with it. */
    private ClientOptions.Tls tls() throws BenchUsageException {
        refuse((certFile == null) != (keyFile == null), "--cert and --key must be given together.");
        boolean on = caFile != null || caPath != null;
        if (!on) {
            refuse(certFile != null || insecure || tlsVersion != null,
                    "--cert, --key, --insecure and --tls-version need --cafile or --capath.");
            return null;
        }
        refuse(tlsVersion != null && !tlsVersion.equals("tlsv1.2") && !tlsVersion.equals("tlsv1.3"),
                "--tls-version must be tlsv1.2 or tlsv1.3.");
        return new ClientOptions.Tls(path(caFile), path(caPath), path(certFile), path(keyFile), insecure, tlsVersion);
    }

    private static Path path(String file) {
        return file == null ? null : Path.of(file);
    }

    private static void refuse(boolean wrong, String message) throws BenchUsageException {
        if (wrong) {
            throw new BenchUsageException(message);
        }
    }

    private String value(String flag) throws BenchUsageException {
        if (next >= args.length) {
            throw new BenchUsageException(flag + " needs a value.");
        }
        return args[next++];
    }

    private long number(String flag, long min, long max) throws BenchUsageException {
        String text = value(flag);
        try {
            long number = Long.parseLong(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range value
        }
        throw new BenchUsageException("Invalid value for " + flag + ": '" + text + "' (a whole number from " + min
                + " to " + max + ").");
    }

    private static Duration positive(String flag, Duration duration) throws BenchUsageException {
        refuse(duration.isZero(), flag + " must be longer than zero.");
        return duration;
    }
}
