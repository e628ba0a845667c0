package io.culex.domain.topic;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Subscription matching at scale: ns and bytes allocated per match, and heap per subscription, for an
 * index of 1, 10,000 and 1,000,000 subscriptions of realistic shapes. Run by {@code scripts/bench-matching.sh};
 * not a unit test (surefire does not pick it up), since its figures are timings.
 *
 * <p>Subscriber i belongs to site {@code i / 100}, device {@code i % 100} and subscribes with one of:
 * <ul>
 *   <li>{@code site/<s>/device/<d>/temp}: most devices (a literal filter);</li>
 *   <li>{@code site/<s>/device/<d>/+} when d ends in 7;</li>
 *   <li>{@code site/<s>/device/+/alarm} for device 8, and {@code site/<s>/#} for device 18 of odd sites;</li>
 *   <li>{@code $share/ops/site/<s>/device/+/alarm} for device 28 (a shared subscription, in its own
 *       index by group as the router keeps them).</li>
 * </ul>
 * Each scenario matches 1,024 topics of even sites spread over the whole index against both indexes, as the
 * router does for every PUBLISH. "0 matches" is {@code site/<s>/device/<d>/pressure} for literal devices (walks
 * four levels, fails at the fifth among its siblings), "1 match" {@code site/<s>/device/<d>/temp}, "a few"
 * {@code site/<s>/device/<d>/alarm} for devices ending in 7 (their own {@code .../<d>/+}, {@code .../+/alarm}
 * and the shared group). Times are the thread's CPU time, the median of 5 runs of 0.3 s.
 */
public final class MatchingBenchmark {

    private static final int TOPICS = 1_024;
    private static final long MEASURE_NANOS = 300_000_000L;
    private static final int ROUNDS = 5;
    /** Sites of the 10,000-subscription index. */
    private static final int CONTROL_SITES = 100;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private long matches; // the sink's count, read after each run so the work cannot be optimised away

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1, 10_000, 1_000_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "%10s | %9s | %12s | %-26s | %-26s | %-26s%n", "subs", "B/sub", "build CPU ms",
                "0 matches: n, ns, B/match", "1 match: n, ns, B/match", "a few: n, ns, B/match");
        for (int size : sizes) {
            new MatchingBenchmark().run(size);
        }
    }

    private void run(int size) {
        String[] filters = new String[size];
        String[] subscribers = new String[size];
        for (int i = 0; i < size; i++) {
            filters[i] = filterOf(i);
            subscribers[i] = "client-" + i;
        }
        long heapBefore = usedHeapAfterGc();
        long buildStart = THREADS.getCurrentThreadCpuTime();
        SubscriptionIndex<String, Integer> index = new SubscriptionIndex<>();
        SubscriptionIndex<String, Boolean> sharedIndex = new SubscriptionIndex<>();
        Integer qos = 1;
        for (int i = 0; i < size; i++) {
            if (SharedFilter.isShared(filters[i])) {
                SharedFilter shared = SharedFilter.parse(filters[i]);
                sharedIndex.subscribe(shared.filter(), shared.group(), Boolean.TRUE);
            } else {
                index.subscribe(filters[i], subscribers[i], qos);
            }
        }
        long buildMillis = (THREADS.getCurrentThreadCpuTime() - buildStart) / 1_000_000;
        long bytesPerSubscription = (usedHeapAfterGc() - heapBefore) / size;

        // One subscription's bytes are lost in the noise of the harness's own heap
        String perSubscription = size < 1_000 ? "-" : Long.toString(bytesPerSubscription);
        printRow(String.format(Locale.ROOT, "%10d | %9s | %12d", size, perSubscription, buildMillis),
                index, sharedIndex, size, Integer.MAX_VALUE);
        if (size > CONTROL_SITES * 100) {
            // The same topics as the 10,000 index: how much of the difference is the algorithm, how much the caches
            printRow(String.format(Locale.ROOT, "%10s | %9s | %12s", "", "", "(10k topics)"),
                    index, sharedIndex, size, CONTROL_SITES / 2);
        }
        // keep the indexes and inputs reachable until measured
        if (index.size() + sharedIndex.size() < 0 || filters.length + subscribers.length < 0) {
            throw new AssertionError();
        }
    }

    private void printRow(String head, SubscriptionIndex<String, Integer> index,
            SubscriptionIndex<String, Boolean> sharedIndex, int size, int maxEvenSites) {
        StringBuilder row = new StringBuilder(head);
        for (String metric : new String[] {"pressure", "temp", "alarm"}) {
            String[] topics = topics(size, metric, maxEvenSites);
            long perMatch = countMatches(index, sharedIndex, topics);
            double[] result = measure(index, sharedIndex, topics);
            row.append(String.format(Locale.ROOT, " | %4d %9.1f %9.1f  ", perMatch, result[0], result[1]));
        }
        System.out.println(row);
    }

    static String filterOf(int i) {
        int site = i / 100;
        int device = i % 100;
        if (device == 8) {
            return "site/" + site + "/device/+/alarm";
        } else if (device == 18 && site % 2 == 1) {
            return "site/" + site + "/#";
        } else if (device == 28) {
            return "$share/ops/site/" + site + "/device/+/alarm";
        } else if (device % 10 == 7) {
            return "site/" + site + "/device/" + device + "/+";
        }
        return "site/" + site + "/device/" + device + "/temp";
    }

    /**
     * {@code TOPICS} topics on even sites spread over the index, as many distinct ones as the index has (1,000 of
     * 10,000 subscriptions, 1,024 of 1,000,000): a working set, and with it cache behaviour, alike at every size.
     */
    private static String[] topics(int size, String metric, int maxEvenSites) {
        List<String> topics = new ArrayList<>();
        int evenSites = Math.min(maxEvenSites, Math.max(1, (size + 199) / 200));
        int devicesPerSite = Math.max(1, TOPICS / evenSites);
        for (int t = 0; t < Math.min(TOPICS, evenSites * devicesPerSite); t++) {
            int site = 2 * (int) ((long) (t / devicesPerSite) * evenSites / Math.min(evenSites, TOPICS));
            int slot = t % devicesPerSite;
            // "alarm": devices ending in 7 (their own '+'); otherwise literal devices (ending in 0 to 6)
            int device = metric.equals("alarm") ? (slot % 10) * 10 + 7 : (slot % 10) * 10 + slot / 10 % 7;
            if ((long) site * 100 + device >= size) {
                device = 0; // the one-subscription index has device 0 only
            }
            topics.add("site/" + site + "/device/" + device + "/" + metric);
        }
        return topics.toArray(new String[0]);
    }

    private long countMatches(SubscriptionIndex<String, Integer> index, SubscriptionIndex<String, Boolean> shared,
            String[] topics) {
        matches = 0;
        matchAll(index, shared, topics, 1);
        return matches / topics.length;
    }

    /**
     * @return median ns of this thread's CPU time per match and bytes allocated per match (both indexes, as one
     * PUBLISH costs); CPU time rather than wall time, so that other processes on a shared machine count less
     */
    private double[] measure(SubscriptionIndex<String, Integer> index, SubscriptionIndex<String, Boolean> shared,
            String[] topics) {
        int passes = 1;
        long warmupEnd = System.nanoTime() + MEASURE_NANOS;
        while (System.nanoTime() < warmupEnd) {
            matchAll(index, shared, topics, passes);
            passes = Math.min(passes * 2, 1 << 12);
        }
        double[] nanos = new double[ROUNDS];
        double[] bytes = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long threadId = Thread.currentThread().getId();
            long allocatedBefore = THREADS.getThreadAllocatedBytes(threadId);
            long start = THREADS.getCurrentThreadCpuTime();
            long done = 0;
            do {
                matchAll(index, shared, topics, passes);
                done += (long) passes * topics.length;
            } while (THREADS.getCurrentThreadCpuTime() - start < MEASURE_NANOS);
            long elapsed = THREADS.getCurrentThreadCpuTime() - start;
            nanos[round] = (double) elapsed / done;
            bytes[round] = (double) (THREADS.getThreadAllocatedBytes(threadId) - allocatedBefore) / done;
        }
        Arrays.sort(nanos);
        Arrays.sort(bytes);
        return new double[] {nanos[ROUNDS / 2], bytes[ROUNDS / 2]};
    }

    private void matchAll(SubscriptionIndex<String, Integer> index, SubscriptionIndex<String, Boolean> shared,
            String[] topics, int passes) {
        MatchSink<String, Integer> sink = (subscriber, filter, value) -> matches++;
        MatchSink<String, Boolean> sharedSink = (group, filter, value) -> matches++;
        for (int pass = 0; pass < passes; pass++) {
            for (String topic : topics) {
                index.match(topic, sink);
                shared.match(topic, sharedSink);
            }
        }
    }

    private static long usedHeapAfterGc() {
        List<Long> used = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            used.add(runtime.totalMemory() - runtime.freeMemory());
        }
        return used.get(used.size() - 1);
    }
}
