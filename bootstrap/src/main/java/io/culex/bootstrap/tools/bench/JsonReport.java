package io.culex.bootstrap.tools.bench;

import java.util.List;

/**
 * The report as one JSON object on one line, for scripts: every metric by key, then {@code "ok"},
 * {@code "notes"} and {@code "failures"}. Written by hand: a handful of value types, no library needed.
 */
final class JsonReport {

    private JsonReport() {
    }

    static String format(Report report) {
        StringBuilder json = new StringBuilder("{");
        for (Metric metric : report.metrics()) {
            string(json, metric.key());
            json.append(':');
            value(json, metric.value());
            json.append(',');
        }
        json.append("\"ok\":").append(report.ok()).append(',');
        json.append("\"notes\":");
        strings(json, report.notes());
        json.append(",\"failures\":");
        strings(json, report.failures());
        return json.append('}').toString();
    }

    private static void value(StringBuilder json, Object value) {
        if (value instanceof Double number) {
            // JSON has no NaN or infinity: an unmeasurable figure is null.
            json.append(number.isNaN() || number.isInfinite() ? "null" : Double.toString(number));
        } else if (value instanceof Long || value instanceof Boolean) {
            json.append(value);
        } else {
            string(json, (String) value);
        }
    }

    private static void strings(StringBuilder json, List<String> values) {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(json, values.get(i));
        }
        json.append(']');
    }

    static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    json.append("\\\"");
                    break;
                case '\\':
                    json.append("\\\\");
                    break;
                case '\n':
                    json.append("\\n");
                    break;
                case '\r':
                    json.append("\\r");
                    break;
                case '\t':
                    json.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
            }
        }
        json.append('"');
    }
}
