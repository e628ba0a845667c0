package io.culex.application.sys;

import io.culex.application.metrics.BrokerMetrics.Totals;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * One counter's 1, 5 and 15 minute loads under {@code $SYS/broker/load/...}, computed as
 * Mosquitto 2.0's sys_tree.c does. At each update, with {@code t} the seconds since the last one:
 * <pre>
 *   rate  = (count now - count at last update) * 60 / t          (events per minute)
 *   load' = rate + exp(-t / W) * (load - rate)                    W = 60, 300, 900 s
 * </pre>
 * an exponentially decaying average of the per-minute rate. Each load starts at 0.00, is
 * published with two decimals at start and then whenever those two decimals change. (Mosquitto
 * publishes when a load moved by 0.01 since the previous update, so a load creeping towards a
 * steady rate stops being published up to 0.9 short of it.)
 */
final class LoadAverage {

    private static final int[] WINDOW_SECONDS = {60, 300, 900};
    private static final String[] SUFFIXES = {"1min", "5min", "15min"};

    private final String topicPrefix;
    private final ToLongFunction<Totals> counter;
    private final double[] loads = new double[WINDOW_SECONDS.length];

    /** @param topicPrefix e.g. {@code $SYS/broker/load/messages/received} */
    LoadAverage(String topicPrefix, ToLongFunction<Totals> counter) {
        this.topicPrefix = topicPrefix;
        this.counter = counter;
    }

    void publishInitial(SysValues out) {
        for (int i = 0; i < loads.length; i++) {
            out.publish(topic(i), format(loads[i]));
        }
    }

    void update(Totals previous, Totals current, double elapsedSeconds, SysValues out) {
        double rate = (counter.applyAsLong(current) - counter.applyAsLong(previous)) * 60.0 / elapsedSeconds;
        for (int i = 0; i < loads.length; i++) {
            double decay = Math.exp(-elapsedSeconds / WINDOW_SECONDS[i]);
            double next = rate + decay * (loads[i] - rate);
            out.publishIfChanged(topic(i), format(next));
            loads[i] = next;
        }
    }

    private String topic(int window) {
        return topicPrefix + "/" + SUFFIXES[window];
    }

    static String format(double load) {
        return String.format(Locale.ROOT, "%.2f", load);
    }
}
