package io.culex.bootstrap.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** This process's CPU time (all threads, user and system), to report what the load generator itself cost. */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** Nanoseconds of CPU used so far, or -1 where the JVM cannot tell. */
    static long nanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime();
        }
        return -1;
    }
}
