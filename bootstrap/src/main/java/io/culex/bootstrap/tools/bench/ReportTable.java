package io.culex.bootstrap.tools.bench;

import java.util.Locale;

/** The human-readable summary: the title, one aligned line per figure, then notes and the verdict. */
final class ReportTable {

    private ReportTable() {
    }

    static String format(Report report) {
        int labelWidth = report.metrics().stream().mapToInt(m -> m.label().length()).max().orElse(0);
        int valueWidth = report.metrics().stream().mapToInt(m -> value(m.value()).length()).max().orElse(0);
        StringBuilder text = new StringBuilder(report.title()).append('\n').append('\n');
        for (Metric metric : report.metrics()) {
            String line = String.format(Locale.ROOT, "  %-" + labelWidth + "s  %" + valueWidth + "s %s",
                    metric.label(), value(metric.value()), metric.unit());
            text.append(line.stripTrailing()).append('\n');
        }
        text.append('\n');
        for (String note : report.notes()) {
            text.append("  note: ").append(note).append('\n');
        }
        if (report.ok()) {
            text.append("  result: OK\n");
        } else {
            for (String failure : report.failures()) {
                text.append("  FAILED: ").append(failure).append('\n');
            }
        }
        return text.toString();
    }

    /** Counts with thousands separators; measures to 3 significant decimals at most; "n/a" for NaN. */
    static String value(Object value) {
        if (value instanceof Long count) {
            return String.format(Locale.ROOT, "%,d", count);
        }
        if (value instanceof Double measure) {
            double v = measure;
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return "n/a";
            }
            if (Math.abs(v) >= 100) {
                return String.format(Locale.ROOT, "%,.0f", v);
            }
            if (Math.abs(v) >= 10) {
                return String.format(Locale.ROOT, "%.1f", v);
            }
            return String.format(Locale.ROOT, "%.2f", v);
        }
        if (value instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        return String.valueOf(value);
    }
}
