package io.culex.bootstrap.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

/**
 * The broker's command line, with mosquitto(8)'s options.
 *
 * @param configFile {@code -c/--config-file FILE}, or null to run without a configuration file
 * @param port       {@code -p/--port PORT}, or null
 * @param verbose    {@code -v/--verbose}: log everything, whatever the configuration says
 * @param help       {@code -h/--help}: print {@link #usage()} and exit
 */
public record CommandLine(Path configFile, Integer port, boolean verbose, boolean help) {

    private static final Logger LOG = Logger.getLogger(CommandLine.class.getName());
    private static final String PORT_RANGE = ConfigLine.range("a port number", 0, ListenerConfig.MAX_PORT);

    /** Reads the arguments in order; as in Mosquitto, {@code -h} ends the reading. */
    public static CommandLine parse(String... args) throws ConfigException {
        Path configFile = null;
        Integer port = null;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "-c", "--config-file" -> {
                    rejectRepeat(option, configFile);
                    configFile = parsePath(option, argumentOf(args, ++i, option, "a file name"));
                }
                case "-p", "--port" -> {
                    rejectRepeat(option, port);
                    port = parsePort(option, argumentOf(args, ++i, option, PORT_RANGE));
                }
                case "-v", "--verbose" -> verbose = true;
                case "-h", "--help" -> {
                    return new CommandLine(configFile, port, verbose, true);
                }
                default -> throw new ConfigException("unknown option '" + option + "' (see -h for usage)");
            }
        }
        return new CommandLine(configFile, port, verbose, false);
    }

    public static String usage() {
        return String.join(System.lineSeparator(),
                "culex is an MQTT broker, a drop-in replacement for Eclipse Mosquitto 2.0.",
                "",
                "Usage: culex [-c config_file] [-h] [-p port] [-v]",
                "",
                " -c, --config-file : specify the broker config file.",
                " -h, --help        : display this help.",
                " -p, --port        : start the broker listening on the specified port.",
                "                     Ignored when the config file defines listeners.",
                " -v, --verbose     : verbose mode - enable all logging types. This overrides",
                "                     any logging options given in the config file.",
                "",
                "The same jar carries tools: culex <tool> --help for each.",
                " culex pub, sub, rr : mosquitto_pub, mosquitto_sub and mosquitto_rr.",
                " culex passwd       : mosquitto_passwd.",
                " culex bench        : throughput, latency, connections and queue drain of any MQTT broker.");
    }

    /**
     * Applies {@code -p} the way mosquitto 2.0 does (checked against mosquitto 2.0.11, which differs from
     * older versions): when the configuration defines no listener (local only mode), the broker listens on
     * that port, still on the loopback interface only, and anonymous access keeps its local only default;
     * when the configuration defines listeners ({@code listener} or {@code port} lines), {@code -p} is
     * ignored. Mosquitto ignores it silently; we log a warning. An explicit {@code listener 1883 127.0.0.1}
     * looks exactly like local only mode here, so {@code -p} moves it: the one case we differ.
     */
    public BrokerConfig apply(BrokerConfig fromFile) {
        if (port == null) {
            return fromFile;
        }
        if (!fromFile.listeners().equals(BrokerConfig.LOCAL_ONLY_LISTENERS)) {
            LOG.warning("-p " + port + " ignored: the configuration file defines listeners");
            return fromFile;
        }
        return fromFile.withListeners(List.of(new ListenerConfig(port, BrokerConfig.LOCAL_ONLY_ADDRESS)));
    }

    private static String argumentOf(String[] args, int index, String option, String expected)
            throws ConfigException {
        if (index >= args.length) {
            throw new ConfigException(option + ": expected " + expected + ", got nothing");
        }
        return args[index];
    }

    /** One value per option: a second one would silently win over the first. */
    private static void rejectRepeat(String option, Object earlierValue) throws ConfigException {
        if (earlierValue != null) {
            throw new ConfigException(option + ": given more than once");
        }
    }

    private static Path parsePath(String option, String argument) throws ConfigException {
        try {
            return Path.of(argument);
        } catch (InvalidPathException e) {
            throw new ConfigException(option + ": expected a file name, got '" + argument + "'", e);
        }
    }

    private static int parsePort(String option, String argument) throws ConfigException {
        if (argument.matches("[0-9]{1,5}")) {
            int port = Integer.parseInt(argument);
            if (port <= ListenerConfig.MAX_PORT) {
                return port;
            }
        }
        throw new ConfigException(option + ": expected " + PORT_RANGE + ", got '" + argument + "'");
    }
}
