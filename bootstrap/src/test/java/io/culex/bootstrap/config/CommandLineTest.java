package io.culex.bootstrap.config;

import static io.culex.bootstrap.config.ConfigTexts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.tools.Tools;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {

    private static String errorOf(String... args) {
        return assertThrows(ConfigException.class, () -> CommandLine.parse(args)).getMessage();
    }

    @Test
    void noArgumentsMeansNoFileNoPortQuiet() throws ConfigException {
        assertEquals(new CommandLine(null, null, false, false), CommandLine.parse());
    }

    @Test
    void shortOptions() throws ConfigException {
        assertEquals(new CommandLine(Path.of("/etc/mosquitto/mosquitto.conf"), 1884, true, false),
                CommandLine.parse("-c", "/etc/mosquitto/mosquitto.conf", "-p", "1884", "-v"));
    }

    @Test
    void longOptions() throws ConfigException {
        assertEquals(new CommandLine(Path.of("broker.conf"), 0, true, false),
                CommandLine.parse("--verbose", "--port", "0", "--config-file", "broker.conf"));
    }

    @Test
    void helpStopsReadingLikeMosquitto() throws ConfigException {
        CommandLine help = CommandLine.parse("-v", "-h", "--no-such-option");

        assertTrue(help.help());
        assertTrue(help.verbose());
        assertTrue(CommandLine.parse("--help").help());
    }

    @Test
    void usageListsEveryOption() {
        String usage = CommandLine.usage();

        assertTrue(usage.contains("Usage: culex [-c config_file] [-h] [-p port] [-v]"), usage);
        for (String option : List.of("-c, --config-file", "-h, --help", "-p, --port", "-v, --verbose")) {
            assertTrue(usage.contains(option), option);
        }
    }

    @Test
    void usageNamesEveryTool() {
        String usage = CommandLine.usage();

        assertTrue(Tools.names().contains("bench"));
        for (String tool : Tools.names()) {
            assertTrue(Pattern.compile("culex (\\w+, )*" + tool + "\\b").matcher(usage).find(), tool + " in " + usage);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            -x                 | unknown option '-x' (see -h for usage)
            --daemonize        | unknown option '--daemonize' (see -h for usage)
            mosquitto.conf     | unknown option 'mosquitto.conf' (see -h for usage)
            -p abc             | -p: expected a port number from 0 to 65535, got 'abc'
            --port 1883x       | --port: expected a port number from 0 to 65535, got '1883x'
            -p 65536           | -p: expected a port number from 0 to 65535, got '65536'
            -p -1              | -p: expected a port number from 0 to 65535, got '-1'
            -p 99999999999     | -p: expected a port number from 0 to 65535, got '99999999999'
            -p                 | -p: expected a port number from 0 to 65535, got nothing
            -c                 | -c: expected a file name, got nothing
            -p 1883 -p 1884    | -p: given more than once
            -c a.conf -c b.conf | -c: given more than once
            """)
    void badCommandLinesAreRefusedNamingTheOption(String args, String expected) {
        assertEquals(expected, errorOf(args.split(" ")));
    }

    @Test
    void withoutPortTheFileConfigIsUnchanged() throws ConfigException {
        BrokerConfig fromFile = parse("listener 1883");

        assertSame(fromFile, CommandLine.parse("-v").apply(fromFile));
    }

    @Test
    void portWithoutConfiguredListenerMovesTheLocalOnlyListenerLikeMosquitto2() throws ConfigException {
        BrokerConfig config = CommandLine.parse("-p", "1884").apply(BrokerConfig.defaults());

        assertEquals(List.of(new ListenerConfig(1884, "127.0.0.1")), config.listeners());
        assertTrue(config.allowAnonymous());
    }

    @Test
    void portKeepsTheOtherSettingsOfALocalOnlyFile() throws ConfigException {
        BrokerConfig config = CommandLine.parse("-p", "1884").apply(parse("max_keepalive 60", "autosave_interval 60"));

        assertEquals(List.of(new ListenerConfig(1884, "127.0.0.1")), config.listeners());
        assertEquals(60, config.maxKeepalive());
        assertEquals(List.of("accepted but not yet supported: autosave_interval"), config.warnings());
    }

    @Test
    void portIsIgnoredWithAWarningWhenTheFileDefinesListenersLikeMosquitto2() throws ConfigException {
        BrokerConfig withListener = parse("listener 1883 0.0.0.0", "allow_anonymous true");
        BrokerConfig withLegacyPort = parse("port 1885");

        try (CapturedWarnings warnings = new CapturedWarnings(CommandLine.class)) {
            assertEquals(withListener, CommandLine.parse("-p", "1884").apply(withListener));
            assertEquals(withLegacyPort, CommandLine.parse("-p", "1884").apply(withLegacyPort));

            assertEquals(List.of("-p 1884 ignored: the configuration file defines listeners",
                    "-p 1884 ignored: the configuration file defines listeners"), warnings.messages());
        }
        assertFalse(withLegacyPort.allowAnonymous());
    }

    @Test
    void aNullPortLeavesPortUnset() throws ConfigException {
        assertNull(CommandLine.parse("-c", "x.conf").port());
    }
}
