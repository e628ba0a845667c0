package io.culex.bootstrap.logging;

import static io.culex.bootstrap.logging.Records.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.config.LoggingConfig;
import io.culex.bootstrap.config.LoggingConfig.LogDestination;
import io.culex.bootstrap.config.LoggingConfig.LogType;
import io.culex.bootstrap.logging.Records.RecordingSink;
import io.culex.bootstrap.logging.Records.Written;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeFilteringTest {

    private final RecordingSink sink = new RecordingSink();

    private MosquittoLogHandler handler(Set<LogType> types, boolean connectionMessages) {
        return new MosquittoLogHandler(types, connectionMessages, LineFormatter.of(false, null, ZoneOffset.UTC), List.of(sink));
    }

    @ParameterizedTest
    @CsvSource({
            "SEVERE,  io.culex.connection,  ERROR",
            "WARNING, io.culex.transport,   WARNING",
            "INFO,    io.culex.connection,  NOTICE",
            "INFO,    io.culex,             NOTICE",
            "INFO,    io.culex.transport,   NOTICE",
            "INFO,    io.culex.message,     INFORMATION",
            "INFO,    io.culex.subscribe,   SUBSCRIBE",
            "INFO,    io.culex.unsubscribe, UNSUBSCRIBE",
            "FINE,    io.culex.connection,  DEBUG",
            "FINER,   io.culex.session,     DEBUG",
            "FINE,    io.netty.channel,     DEBUG",
            "INFO,    io.culex.connections, INFORMATION",
    })
    void levelsAndLoggerNamesMapOntoMosquittoTypes(String level, String logger, LogType expected) {
        assertEquals(expected, LogClassifier.classify(record(Level.parse(level), logger, "x")).type());
    }

    @Test
    void onlyTheConfiguredTypesAreWritten() {
        MosquittoLogHandler errorsAndSubscribes = handler(EnumSet.of(LogType.ERROR, LogType.SUBSCRIBE), true);

        errorsAndSubscribes.publish(record(Level.SEVERE, "io.culex", "bad"));
        errorsAndSubscribes.publish(record(Level.WARNING, "io.culex", "careful"));
        errorsAndSubscribes.publish(record(Level.INFO, "io.culex.connection", "New client connected"));
        errorsAndSubscribes.publish(record(Level.INFO, "io.culex.subscribe", "c1 1 a/#"));
        errorsAndSubscribes.publish(record(Level.INFO, "io.culex.unsubscribe", "c1 a/#"));
        errorsAndSubscribes.publish(record(Level.FINE, "io.culex", "detail"));

        assertEquals(List.of(new Written(LogType.ERROR, "bad"), new Written(LogType.SUBSCRIBE, "c1 1 a/#")), sink.written);
    }

    @Test
    void defaultTypesLeaveOutDebugAndSubscriptions() {
        MosquittoLogHandler defaults = handler(EnumSet.of(LogType.ERROR, LogType.WARNING, LogType.NOTICE, LogType.INFORMATION), true);

        defaults.publish(record(Level.INFO, "io.culex.subscribe", "c1 0 t"));
        defaults.publish(record(Level.FINE, "io.culex.connection", "PUBACK for unknown id"));
        defaults.publish(record(Level.INFO, "io.culex.connection", "Client c1 disconnected."));

        assertEquals(List.of("Client c1 disconnected."), sink.lines());
    }

    @Test
    void connectionMessagesFalseSuppressesOnlyTheConnectionLines() {
        MosquittoLogHandler quiet = handler(EnumSet.allOf(LogType.class), false);

        quiet.publish(record(Level.INFO, "io.culex.connection", "New client connected from 127.0.0.1:5000 as c1 (p2, c1, k60)."));
        quiet.publish(record(Level.INFO, "io.culex.connection", "Client c1 disconnected."));
        quiet.publish(record(Level.INFO, "io.culex", "culex version 1 running"));
        quiet.publish(record(Level.WARNING, "io.culex.connection", "odd"));
        quiet.publish(record(Level.FINE, "io.culex.connection", "debug detail"));
        quiet.publish(record(Level.INFO, "io.culex.subscribe", "c1 0 t"));

        assertEquals(List.of("culex version 1 running", "odd", "debug detail", "c1 0 t"), sink.lines());
    }

    @Test
    void verboseEnablesEveryTypeWhateverTheConfigurationSays() throws Exception {
        LoggingConfig errorsOnly = new LoggingConfig(List.of(new LogDestination(LogDestination.Kind.NONE, null)),
                Set.of(LogType.ERROR), true, true, null);
        Logger verboseLogger = Logger.getLogger("test.logging.verbose");
        Logger plainLogger = Logger.getLogger("test.logging.plain");
        try (BrokerLog verbose = LogSetup.install(errorsOnly, true, verboseLogger, ZoneOffset.UTC);
             BrokerLog plain = LogSetup.install(errorsOnly, false, plainLogger, ZoneOffset.UTC)) {
            assertTrue(verbose.handler().accepts(new Classification(LogType.DEBUG, false)));
            assertEquals(Level.FINE, verboseLogger.getLevel(), "debug records must reach the handler");
            assertFalse(plain.handler().accepts(new Classification(LogType.DEBUG, false)));
            assertFalse(plain.handler().accepts(new Classification(LogType.NOTICE, false)));
            assertEquals(Level.SEVERE, plainLogger.getLevel(), "with errors only, no lower record is even built");
        }
    }
}
