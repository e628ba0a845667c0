package io.culex.bootstrap.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary table, the JSON object and the verdict rules on counts. */
class ReportFormatTest {

    private static Report sample() {
        return new Report.Builder("culex bench fanin: test")
                .add(Metric.text("scenario", "scenario", "fanin"))
                .add(Metric.count("messages_sent", "messages sent", 40_000))
                .add(Metric.measure("sent_per_s", "sent", 38_123.4, "msg/s"))
                .add(Metric.measure("latency_p50_ms", "latency p50", 0.1234, "ms"))
                .add(Metric.measure("latency_p99_ms", "latency p99", Double.NaN, "ms"))
                .build();
    }

    @Test
    void tableAlignsLabelsAndValues() {
        assertEquals(String.join("\n",
                "culex bench fanin: test",
                "",
                "  scenario        fanin",
                "  messages sent  40,000",
                "  sent           38,123 msg/s",
                "  latency p50      0.12 ms",
                "  latency p99       n/a ms",
                "",
                "  result: OK",
                ""), ReportTable.format(sample()));
    }

    @Test
    void tableListsNotesAndEveryFailure() {
        Report report = new Report.Builder("t").note("3 duplicates at QoS 1 (allowed)").fail("2 copies lost at QoS 1")
                .fail("connection lost: p0").build();
        String table = ReportTable.format(report);
        assertTrue(table.contains("  note: 3 duplicates at QoS 1 (allowed)\n"), table);
        assertTrue(table.contains("  FAILED: 2 copies lost at QoS 1\n  FAILED: connection lost: p0\n"), table);
        assertFalse(table.contains("result: OK"), table);
    }

    @Test
    void valuesAreRoundedForReading() {
        assertEquals("1,234,567", ReportTable.value(1_234_567L));
        assertEquals("1,235", ReportTable.value(1234.5));
        assertEquals("12.3", ReportTable.value(12.34));
        assertEquals("0.05", ReportTable.value(0.0456));
        assertEquals("n/a", ReportTable.value(Double.POSITIVE_INFINITY));
        assertEquals("yes", ReportTable.value(true));
    }

    @Test
    void jsonIsOneObjectWithEveryMetricByKey() {
        assertEquals("{\"scenario\":\"fanin\",\"messages_sent\":40000,\"sent_per_s\":38123.4,"
                + "\"latency_p50_ms\":0.1234,\"latency_p99_ms\":null,\"ok\":true,\"notes\":[],\"failures\":[]}",
                JsonReport.format(sample()));
    }

    @Test
    void jsonEscapesStringsAndListsFailures() {
        Report report = new Report.Builder("t").add(Metric.text("host", "host", "a\"b\\c\nd\u0001"))
                .fail("lost \"3\"").note("tab\there").build();
        assertEquals("{\"host\":\"a\\\"b\\\\c\\nd\\u0001\",\"ok\":false,\"notes\":[\"tab\\there\"],"
                + "\"failures\":[\"lost \\\"3\\\"\"]}", JsonReport.format(report));
    }

    @Test
    void metricsTakeOnlyJsonableValues() {
        assertThrows(IllegalArgumentException.class, () -> new Metric("k", "l", List.of(), ""));
    }

    private static Report verdict(int qos, DeliveryCounts counts) {
        Report.Builder report = new Report.Builder("t");
        TrafficReport.verdict(report, qos, counts);
        return report.build();
    }

    @Test
    void lossFailsAtQos1And2AndIsANoteAtQos0() {
        DeliveryCounts lossy = new DeliveryCounts(10, 7, 0, 0, 0);
        Report qos0 = verdict(0, lossy);
        assertTrue(qos0.ok());
        assertEquals(List.of("3 copies lost at QoS 0 (allowed: a broker may drop QoS 0 messages)"), qos0.notes());
        assertEquals(List.of("3 copies lost at QoS 1"), verdict(1, lossy).failures());
        assertEquals(List.of("3 copies lost at QoS 2"), verdict(2, lossy).failures());
    }

    @Test
    void duplicatesFailAtQos2Only() {
        DeliveryCounts duplicated = new DeliveryCounts(10, 10, 2, 0, 0);
        assertTrue(verdict(1, duplicated).ok());
        assertEquals(List.of("2 duplicates at QoS 1 (allowed)"), verdict(1, duplicated).notes());
        assertEquals(List.of("2 duplicates at QoS 2"), verdict(2, duplicated).failures());
    }

    @Test
    void reorderingIsReportedAndForeignMessagesFail() {
        Report report = verdict(1, new DeliveryCounts(10, 10, 0, 4, 1));
        assertEquals(List.of("4 copies arrived after a later message of the same publisher"), report.notes());
        assertEquals(List.of("1 messages that no publisher of this run sent"), report.failures());
    }

    @Test
    void trafficFiguresAreComputedFromCountsAndTimes() {
        LatencyHistogram latency = new LatencyHistogram();
        latency.record(2_000_000);
        Report report = TrafficReport.build(new Report.Builder("t"), 1, 100, 1_000,
                new DeliveryCounts(2_000, 2_000, 0, 0, 0), latency, 500_000_000L, 1_000_000_000L, 250_000_000L,
                2_000_000_000L);
        String json = JsonReport.format(report);
        assertTrue(json.contains("\"sent_per_s\":2000.0,"), json);
        assertTrue(json.contains("\"sent_mb_per_s\":0.2,"), json);
        assertTrue(json.contains("\"received_per_s\":2000.0,"), json);
        assertTrue(json.contains("\"latency_p50_ms\":2.0,"), json);
        assertTrue(json.contains("\"bench_cpu_seconds\":0.25,"), json);
        assertTrue(json.contains("\"bench_cpu_percent\":12.5,"), json);
        assertTrue(json.contains("\"bench_cpu_us_per_msg\":125.0,"), json);
        assertTrue(json.contains("\"ok\":true"), json);
    }
}
