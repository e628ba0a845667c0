package io.culex.bootstrap.logging;

import static io.culex.bootstrap.logging.Records.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineFormatterTest {

    private static final LogRecord HELLO = record(Level.INFO, "io.culex", "hello");

    @Test
    void defaultTimestampIsSecondsSinceTheEpoch() {
        assertEquals("1700000000: hello", LineFormatter.of(true, null, ZoneOffset.UTC).line(HELLO));
    }

    @Test
    void withoutTimestampTheLineIsTheMessageAlone() {
        assertEquals("hello", LineFormatter.of(false, "%Y", ZoneOffset.UTC).line(HELLO));
    }

    @Test
    void formatEndsWithALineSeparator() {
        assertEquals("1700000000: hello" + System.lineSeparator(), LineFormatter.of(true, null, ZoneOffset.UTC).format(HELLO));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "%Y-%m-%dT%H:%M:%S | 2023-11-14T22:13:20",
            "%F %T             | 2023-11-14 22:13:20",
            "%y/%j %b %a %e    | 23/318 Nov Tue 14",
            "%s%%              | 1700000000%",
            "%z %Z             | +0000 Z",
            "[%H]              | [22]",
    })
    void strftimeConversionsInUtc(String strftime, String expected) {
        assertEquals(expected + ": hello", LineFormatter.of(true, strftime, ZoneOffset.UTC).line(HELLO));
    }

    @Test
    void strftimeUsesTheGivenLocalZone() {
        LineFormatter kolkata = LineFormatter.of(true, "%d %H:%M %z %Z", ZoneId.of("Asia/Kolkata"));
        assertEquals("15 03:43 +0530 IST: hello", kolkata.line(HELLO));
    }

    @Test
    void dayOfMonthIsSpacePaddedByPercentE() {
        LogRecord early = record(Level.INFO, "io.culex", "x");
        early.setInstant(java.time.Instant.parse("2024-03-05T00:00:00Z"));
        assertEquals(" 5|05: x", LineFormatter.of(true, "%e|%d", ZoneOffset.UTC).line(early));
    }

    @Test
    void unsupportedConversionIsRejectedByName() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LineFormatter.of(true, "%Y %Q", ZoneOffset.UTC));
        assertTrue(error.getMessage().contains("%Q"), error.getMessage());
        assertTrue(error.getMessage().contains("log_timestamp_format"), error.getMessage());
    }

    @Test
    void loneTrailingPercentIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LineFormatter.of(true, "%H%", ZoneOffset.UTC));
    }

    @Test
    void exceptionFollowsTheMessageWithItsStackTrace() {
        LogRecord failed = record(Level.SEVERE, "io.culex", "boom");
        failed.setThrown(new IllegalStateException("broken"));
        String line = LineFormatter.of(false, null, ZoneOffset.UTC).line(failed);
        assertTrue(line.startsWith("boom" + System.lineSeparator() + "java.lang.IllegalStateException: broken"), line);
        assertTrue(line.contains("\tat io.culex.bootstrap.logging.LineFormatterTest"), line);
    }
}
