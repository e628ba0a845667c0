package io.culex.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeDirTest {

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, String.join("\n", lines) + "\n");
    }

    @Test
    void includedFilesAreReadInNameOrderAsIfInline() throws Exception {
        Path conf = dir.resolve("conf.d");
        write("conf.d/20-second.conf", "max_keepalive 20", "listener 2002");
        write("conf.d/10-first.conf", "max_keepalive 10", "listener 2001");
        write("conf.d/30-third.conf", "listener 2003");
        Path main = write("mosquitto.conf",
                "max_keepalive 1",
                "listener 2000",
                "include_dir " + conf,
                "listener 2004");

        BrokerConfig config = ConfigParser.parse(main);

        assertEquals(20, config.maxKeepalive());
        assertEquals(List.of(2000, 2001, 2002, 2003, 2004),
                config.listeners().stream().map(ListenerConfig::port).toList());
    }

    @Test
    void aLineAfterIncludeDirOverridesTheIncludedFiles() throws Exception {
        write("conf.d/a.conf", "max_keepalive 10");
        Path main = write("mosquitto.conf", "include_dir " + dir.resolve("conf.d"), "max_keepalive 30");

        assertEquals(30, ConfigParser.parse(main).maxKeepalive());
    }

    @Test
    void onlyFilesEndingInDotConfAreRead() throws Exception {
        write("conf.d/a.conf", "max_keepalive 10");
        write("conf.d/b.conf.disabled", "max_keepalive 99");
        write("conf.d/README", "this is not configuration");
        write("conf.d/.conf", "max_keepalive 77");

        BrokerConfig config = ConfigParser.parse(
                "include_dir " + dir.resolve("conf.d"), "main.conf");

        assertEquals(10, config.maxKeepalive());
    }

    @Test
    void nameOrderIsMosquittosCaseFoldingOrder() throws Exception {
        // Mosquitto compares upper-cased characters first, so it reads "ab" before "a_b" ('B' < '_')
        // and "a" before "B", where plain lexical order would do the opposite: the later file wins.
        write("conf.d/a_b.conf", "max_keepalive 2");
        write("conf.d/ab.conf", "max_keepalive 1");
        write("conf.d/a.conf", "max_inflight_messages 1");
        write("conf.d/B.conf", "max_inflight_messages 2");

        BrokerConfig config = ConfigParser.parse("include_dir " + dir.resolve("conf.d"), "main.conf");

        assertEquals(2, config.maxKeepalive());
        assertEquals(2, config.maxInflightMessages());
    }

    @Test
    void anErrorInAnIncludedFileNamesThatFileAndItsLine() throws Exception {
        write("conf.d/10-ok.conf", "max_keepalive 10");
        Path broken = write("conf.d/20-broken.conf", "# tuning", "", "max_inflight_messages lots");
        Path main = write("mosquitto.conf", "include_dir " + dir.resolve("conf.d"));

        ConfigException error = assertThrows(ConfigException.class, () -> ConfigParser.parse(main));

        assertEquals(broken + ":3: max_inflight_messages: expected an integer from 0 to 65535, got 'lots'",
                error.getMessage());
    }

    @Test
    void anUnknownKeyInAnIncludedFileNamesThatFile() throws Exception {
        Path broken = write("conf.d/a.conf", "listener 1883", "persistance true");

        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigParser.parse("include_dir " + dir.resolve("conf.d"), "main.conf"));

        assertEquals(broken + ":2: persistance: unknown configuration key", error.getMessage());
    }

    @Test
    void aMissingDirectoryIsAnError() {
        Path missing = dir.resolve("nowhere");

        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigParser.parse("\n\ninclude_dir " + missing, "main.conf"));

        assertEquals("main.conf:3: include_dir: cannot open directory '" + missing + "': no such directory",
                error.getMessage());
    }

    @Test
    void aFileInsteadOfADirectoryIsAnError() throws Exception {
        Path file = write("plain.conf", "max_keepalive 1");

        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigParser.parse("include_dir " + file, "main.conf"));

        assertEquals("main.conf:1: include_dir: cannot open directory '" + file + "': not a directory",
                error.getMessage());
    }

    @Test
    void includeDirNeedsADirectory() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigParser.parse("include_dir", "main.conf"));

        assertEquals("main.conf:1: include_dir: expected a directory, got nothing", error.getMessage());
    }

    @Test
    void aDirectoryNamedLikeAConfFileIsAnErrorAsInMosquitto() throws Exception {
        Path odd = dir.resolve("conf.d/odd.conf");
        Files.createDirectories(odd);

        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigParser.parse("include_dir " + dir.resolve("conf.d"), "main.conf"));

        assertTrue(error.getMessage().startsWith("main.conf:1: include_dir: cannot read '" + odd + "': "),
                error.getMessage());
    }

    @Test
    void includeDirInsideAnIncludedFileIsIgnoredWithAWarningAsInMosquitto() throws Exception {
        write("nested/n.conf", "max_keepalive 99");
        Path included = write("conf.d/a.conf", "max_keepalive 10", "include_dir " + dir.resolve("nested"));

        try (CapturedWarnings warnings = new CapturedWarnings(ConfigParser.class)) {
            BrokerConfig config = ConfigParser.parse("include_dir " + dir.resolve("conf.d"), "main.conf");

            assertEquals(10, config.maxKeepalive());
            assertEquals(List.of(included + ":2: include_dir ignored: only the main configuration file may include"),
                    warnings.messages());
        }
    }

    @Test
    void warningsFromIncludedFilesKeepReadingOrder() throws Exception {
        write("conf.d/1.conf", "retained_persistence true");
        write("conf.d/2.conf", "user mosquitto", "retained_persistence false");

        BrokerConfig config = ConfigParser.parse(
                "memory_limit 1000000\ninclude_dir " + dir.resolve("conf.d") + "\nautosave_interval 60", "main.conf");

        assertEquals(List.of(
                "accepted but not yet supported: memory_limit",
                "accepted but not yet supported: retained_persistence",
                "accepted but not yet supported: user",
                "accepted but not yet supported: autosave_interval"), config.warnings());
    }

    @Test
    void aMissingMainFileIsAnIoErrorNamingIt() {
        Path missing = dir.resolve("missing.conf");

        IOException error = assertThrows(IOException.class, () -> ConfigParser.parse(missing));

        assertEquals("cannot read configuration file '" + missing + "': no such file", error.getMessage());
    }
}
