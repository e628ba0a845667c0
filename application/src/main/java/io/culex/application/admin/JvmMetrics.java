package io.culex.application.admin;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JVM's heap, garbage collectors and threads, from java.lang.management. */
final class JvmMetrics {

    private JvmMetrics() {
    }

    static List<MetricFamily> read() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        List<MetricFamily> families = new ArrayList<>();
        families.add(MetricFamily.gauge("culex_jvm_heap_used_bytes", "JVM heap in use.", heap.getUsed()));
        families.add(MetricFamily.gauge("culex_jvm_heap_committed_bytes", "JVM heap committed by the OS.",
                heap.getCommitted()));
        families.add(MetricFamily.gauge("culex_jvm_heap_max_bytes", "JVM heap limit (-1 if undefined).",
                heap.getMax()));
        List<MetricFamily.Sample> collections = new ArrayList<>();
        List<MetricFamily.Sample> seconds = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            Map<String, String> labels = Map.of("gc", gc.getName());
            collections.add(new MetricFamily.Sample(labels, Math.max(0, gc.getCollectionCount())));
            seconds.add(new MetricFamily.Sample(labels, Math.max(0, gc.getCollectionTime()) / 1000.0));
        }
        families.add(new MetricFamily("culex_jvm_gc_collections_total", "Garbage collections, per collector.",
                MetricFamily.Type.COUNTER, collections));
        families.add(new MetricFamily("culex_jvm_gc_collection_seconds_total",
                "Time spent in garbage collection, per collector.", MetricFamily.Type.COUNTER, seconds));
        families.add(MetricFamily.gauge("culex_jvm_threads", "Live JVM threads.",
                ManagementFactory.getThreadMXBean().getThreadCount()));
        return families;
    }
}
