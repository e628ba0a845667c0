package io.culex.bootstrap.config;

import static io.culex.bootstrap.config.ConfigTexts.errorOf;
import static io.culex.bootstrap.config.ConfigTexts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.culex.bootstrap.config.LoggingConfig.LogDestination;
import io.culex.bootstrap.config.LoggingConfig.LogDestination.Kind;
import io.culex.bootstrap.config.LoggingConfig.LogType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoggingKeysTest {

    @Test
    void defaultsAreMosquittos() throws ConfigException {
        LoggingConfig logging = parse("").logging();

        assertEquals(List.of(LogDestination.STDERR), logging.destinations());
        assertEquals(Set.of(LogType.ERROR, LogType.WARNING, LogType.NOTICE, LogType.INFORMATION), logging.types());
        assertEquals(true, logging.connectionMessages());
        assertEquals(true, logging.timestamp());
        assertNull(logging.timestampFormat());
        assertEquals(10, parse("").sysIntervalSeconds());
        assertNull(parse("").pidFile());
    }

    @Test
    void firstLogDestReplacesTheDefaultAndLaterOnesAdd() throws ConfigException {
        LoggingConfig logging = parse("log_dest stdout", "log_dest file /var/log/culex/broker log.txt", "log_dest topic").logging();

        assertEquals(List.of(new LogDestination(Kind.STDOUT, null),
                new LogDestination(Kind.FILE, "/var/log/culex/broker log.txt"),
                new LogDestination(Kind.TOPIC, null)), logging.destinations());
    }

    @Test
    void logTypesAccumulateAndAllAndNoneWork() throws ConfigException {
        assertEquals(Set.of(LogType.ERROR, LogType.SUBSCRIBE), parse("log_type error", "log_type subscribe").logging().types());
        assertEquals(EnumSet.allOf(LogType.class), parse("log_type all").logging().types());
        assertEquals(Set.of(LogType.DEBUG), parse("log_type all", "log_type none", "log_type debug").logging().types());
    }

    @Test
    void otherLoggingAndProcessKeysAreRead() throws ConfigException {
        BrokerConfig config = parse("connection_messages false", "log_timestamp false",
                "log_timestamp_format %Y-%m-%dT%H:%M:%S", "sys_interval 0", "pid_file /run/culex/culex.pid");

        assertFalse(config.logging().connectionMessages());
        assertFalse(config.logging().timestamp());
        assertEquals("%Y-%m-%dT%H:%M:%S", config.logging().timestampFormat());
        assertEquals(0, config.sysIntervalSeconds());
        assertEquals("/run/culex/culex.pid", config.pidFile());
        assertEquals(List.of(), config.warnings());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            log_dest                 | log_dest: expected stdout, stderr, file <path>, syslog, topic or none, got nothing
            log_dest printer         | log_dest: expected stdout, stderr, file <path>, syslog, topic or none, got 'printer'
            log_dest file            | log_dest: expected a file path after 'file', got 'file'
            log_dest stdout stderr   | log_dest: expected stdout, stderr, file <path>, syslog, topic or none, got 'stdout stderr'
            log_type loud            | log_type: expected debug, error, warning, notice, information, subscribe, unsubscribe, websockets, all or none, got 'loud'
            sys_interval -1          | sys_interval: expected
            log_facility 8           | log_facility: expected
            log_facility local5      | log_facility: expected
            """)
    void badValuesNameFileLineAndKey(String line, String expectedMessageStart) {
        String message = errorOf(line);
        assertEquals(true, message.startsWith("test.conf:1: " + expectedMessageStart), message);
    }
}
