package io.culex.application.admin;

import java.util.List;
import java.util.Map;

/**
 * A named metric with its samples, named as Prometheus expects ({@code culex_..._total} for counters, units in
 * the name); the transport chooses how to write it.
 */
public record MetricFamily(String name, String help, Type type, List<Sample> samples) {

    public enum Type { COUNTER, GAUGE }

    /** @param labels label names to values, in the order they are written */
    public record Sample(Map<String, String> labels, double value) {
    }

    public MetricFamily {
        samples = List.copyOf(samples);
    }

    static MetricFamily counter(String name, String help, double value) {
        return new MetricFamily(name, help, Type.COUNTER, List.of(new Sample(Map.of(), value)));
    }

    static MetricFamily gauge(String name, String help, double value) {
        return new MetricFamily(name, help, Type.GAUGE, List.of(new Sample(Map.of(), value)));
    }
}
