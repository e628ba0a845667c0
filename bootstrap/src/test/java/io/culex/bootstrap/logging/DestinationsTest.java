package io.culex.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.config.ConfigException;
import io.culex.bootstrap.config.LoggingConfig;
import io.culex.bootstrap.config.LoggingConfig.LogDestination;
import io.culex.bootstrap.config.LoggingConfig.LogDestination.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** log_dest: stdout, stderr, none, and which destinations a list of log_dest lines amounts to. */
class DestinationsTest {

    private static final LogDestination STDOUT = new LogDestination(Kind.STDOUT, null);
    private static final LogDestination STDERR = LogDestination.STDERR;
    private static final LogDestination NONE = new LogDestination(Kind.NONE, null);
    private static final LogDestination TOPIC = new LogDestination(Kind.TOPIC, null);

    private final Logger logger = Logger.getLogger("test.logging.destinations");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureConsole() {
        logger.setUseParentHandlers(false);
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private BrokerLog install(List<LogDestination> destinations) throws ConfigException, IOException {
        return LogSetup.install(new LoggingConfig(destinations, LoggingConfig.defaults().types(), true, false, null),
                false, logger, ZoneOffset.UTC);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stdoutOnly() throws Exception {
        try (BrokerLog log = install(List.of(STDOUT))) {
            logger.info("to stdout");
        }
        assertEquals("to stdout" + System.lineSeparator(), text(out));
        assertEquals("", text(err));
    }

    @Test
    void stderrOnly() throws Exception {
        try (BrokerLog log = install(List.of(STDERR))) {
            logger.warning("to stderr");
        }
        assertEquals("", text(out));
        assertEquals("to stderr" + System.lineSeparator(), text(err));
    }

    @Test
    void bothAtOnceEachGetEveryLine() throws Exception {
        try (BrokerLog log = install(List.of(STDOUT, STDERR))) {
            logger.info("twice");
        }
        assertEquals("twice" + System.lineSeparator(), text(out));
        assertEquals("twice" + System.lineSeparator(), text(err));
    }

    @Test
    void noneWritesNothing() throws Exception {
        try (BrokerLog log = install(List.of(NONE))) {
            logger.severe("nowhere");
        }
        assertEquals("", text(out) + text(err));
    }

    @Test
    void loggerLevelFollowsDebugSoFilteredRecordsCostNothing() throws Exception {
        try (BrokerLog log = install(List.of(STDOUT))) {
            logger.fine("not wanted");
            assertEquals(Level.INFO, logger.getLevel());
        }
        assertEquals("", text(out));
    }

    @Test
    void loggerRefusesWhatNoWantedTypeCanUseBeforeTheMessageIsBuilt() throws Exception {
        LoggingConfig errorsAndWarnings = new LoggingConfig(List.of(STDOUT),
                java.util.EnumSet.of(LoggingConfig.LogType.ERROR, LoggingConfig.LogType.WARNING), false, false, null);
        try (BrokerLog log = LogSetup.install(errorsAndWarnings, false, logger, ZoneOffset.UTC)) {
            assertEquals(Level.WARNING, logger.getLevel(), "a connect's info line is not even formatted");
            logger.info(() -> {
                throw new AssertionError("an info message was built though no log type wants it");
            });
            logger.warning("kept");
        }
        assertEquals("kept" + System.lineSeparator(), text(out));
        assertEquals(Level.SEVERE, LogSetup.threshold(java.util.EnumSet.of(LoggingConfig.LogType.ERROR)));
        assertEquals(Level.INFO, LogSetup.threshold(java.util.EnumSet.of(LoggingConfig.LogType.ERROR,
                LoggingConfig.LogType.SUBSCRIBE)));
        assertEquals(Level.FINE, LogSetup.threshold(java.util.EnumSet.of(LoggingConfig.LogType.DEBUG)));
        assertEquals(Level.OFF, LogSetup.threshold(java.util.EnumSet.noneOf(LoggingConfig.LogType.class)));
    }

    @Test
    void noneDropsTheDestinationsBeforeItAndDuplicatesCollapse() {
        assertEquals(List.of(TOPIC), LogSetup.effectiveDestinations(List.of(STDOUT, STDERR, NONE, TOPIC)));
        assertEquals(List.of(STDOUT, STDERR), LogSetup.effectiveDestinations(List.of(STDOUT, STDERR, STDOUT)));
        assertEquals(List.of(), LogSetup.effectiveDestinations(List.of(STDOUT, NONE)));
    }

    @Test
    void badTimestampFormatIsAConfigurationErrorNamingTheConversion() {
        LoggingConfig config = new LoggingConfig(List.of(STDERR), LoggingConfig.defaults().types(), true, true, "%H:%K");
        ConfigException error = assertThrows(ConfigException.class, () -> LogSetup.install(config, false, logger, ZoneOffset.UTC));
        assertTrue(error.getMessage().contains("%K"), error.getMessage());
    }

    @Test
    void unopenableFileStopsTheSetUpNamingThePathAndReleasesTheOthers(@TempDir Path dir) throws Exception {
        Path opened = dir.resolve("first.log");
        Path missingDirectory = dir.resolve("no-such-dir").resolve("broker.log");
        LoggingConfig config = new LoggingConfig(List.of(new LogDestination(Kind.FILE, opened.toString()),
                new LogDestination(Kind.FILE, missingDirectory.toString())), LoggingConfig.defaults().types(), true, true, null);

        IOException error = assertThrows(IOException.class, () -> LogSetup.install(config, false, logger, ZoneOffset.UTC));

        assertEquals("Unable to open log file " + missingDirectory + " for writing: its directory does not exist", error.getMessage());
        assertEquals(0, logger.getHandlers().length, "nothing was installed");
        assertTrue(Files.exists(opened));
    }
}
