package io.culex.bootstrap.tools.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's outcome: a title, the figures in the order they are shown, notes (worth knowing, not failures)
 * and failures (each one makes the exit status non-zero).
 */
record Report(String title, List<Metric> metrics, List<String> notes, List<String> failures) {

    Report {
        metrics = List.copyOf(metrics);
        notes = List.copyOf(notes);
        failures = List.copyOf(failures);
    }

    boolean ok() {
        return failures.isEmpty();
    }

    /** Collects a report's parts while a scenario computes them. */
    static final class Builder {
        private final String title;
        private final List<Metric> metrics = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();

        Builder(String title) {
            this.title = title;
        }

        Builder add(Metric metric) {
            metrics.add(metric);
            return this;
        }

        Builder note(String note) {
            notes.add(note);
            return this;
        }

        Builder fail(String failure) {
            failures.add(failure);
            return this;
        }

        Builder failAll(List<String> more) {
            failures.addAll(more);
            return this;
        }

        Report build() {
            return new Report(title, metrics, notes, failures);
        }
    }
}
