package io.culex.adapters.netty.http;

import io.culex.application.admin.MetricFamily;
import java.util.List;
import java.util.Map;

/** Writes metric families in the Prometheus text exposition format, version 0.0.4. */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    static String write(List<MetricFamily> families) {
        StringBuilder out = new StringBuilder(8192);
        for (MetricFamily family : families) {
            out.append("# HELP ").append(family.name()).append(' ').append(escapeHelp(family.help())).append('\n');
            out.append("# TYPE ").append(family.name()).append(' ')
                    .append(family.type() == MetricFamily.Type.COUNTER ? "counter" : "gauge").append('\n');
            for (MetricFamily.Sample sample : family.samples()) {
                out.append(family.name());
                labels(out, sample.labels());
                out.append(' ').append(number(sample.value())).append('\n');
            }
        }
        return out.toString();
    }

    private static void labels(StringBuilder out, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(label.getKey()).append("=\"").append(escapeLabel(label.getValue())).append('"');
        }
        out.append('}');
    }

    /** Whole numbers without a fraction, as Prometheus' own clients write counters. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String escapeHelp(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String escapeLabel(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
