package io.culex.bootstrap.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offline backlog lives on disk: the shipped jar, started with {@code -Xmx256m} on the {@code file}
 * backend, queues {@code culex.backlog.messages} (default 200,000; the README's figures are for
 * 1,000,000: {@code -Dculex.backlog.messages=1000000}) QoS 1 messages of 100 bytes for a persistent
 * subscriber that is offline, and the subscriber drains them all, in order, when it reconnects
 * ({@code culex bench drain}, itself a separate process, counts lost, duplicated and reordered
 * messages). Held in memory, such a backlog would need several times the heap; the broker's live heap
 * after a full GC, measured with {@code jcmd} when the backlog is complete, stays small.
 */
class OfflineBacklogIT {

    private static final int MESSAGES = Integer.getInteger("culex.backlog.messages", 200_000);
    private static final String HEAP = System.getProperty("culex.backlog.heap", "256m");
    private static final long MOST_LIVE_HEAP_BYTES = 96L << 20;

    @TempDir
    Path dir;

    @Test
    void aLongOfflineBacklogDrainsInOrderWithinABoundedHeap() throws Exception {
        int port = freePort();
        Path config = dir.resolve("backlog.conf");
        Files.createDirectories(dir.resolve("store"));
        Files.writeString(config, String.join("\n", "listener " + port + " 127.0.0.1", "allow_anonymous true",
                "persistence true", "persistence_backend file", "persistence_location " + dir.resolve("store"),
                "max_queued_messages 0", "max_inflight_messages 100", ""), StandardCharsets.UTF_8);
        try (BrokerProcess broker = BrokerProcess.start(List.of("-Xmx" + HEAP), "-c", config.toString())) {
            broker.awaitLine(line -> line.endsWith(" running"), "saying the broker runs");
            List<String> command = new ArrayList<>(List.of(BrokerProcess.javaExecutable(), "-jar",
                    BrokerProcess.JAR.toString(), "bench", "drain", "-p", Integer.toString(port),
                    "-m", Integer.toString(MESSAGES), "-s", "100", "-q", "1", "--inflight", "100", "--progress", "--json"));
            Path report = dir.resolve("bench.json");
            Path progress = dir.resolve("bench.err");
            long started = System.nanoTime();
            Process bench = new ProcessBuilder(command).redirectOutput(report.toFile())
                    .redirectError(progress.toFile()).start();
            long mostLiveHeap = 0;
            while (!bench.waitFor(5, TimeUnit.SECONDS)) {
                // While the queue fills and drains: the live heap after a full GC.
                long live = liveHeapBytes(broker.pid());
                mostLiveHeap = Math.max(mostLiveHeap, live);
                if (Boolean.getBoolean("culex.backlog.trace")) {
                    System.out.printf("live %,d KiB at %s%n", live >> 10,
                            lastLine(Files.readString(progress, StandardCharsets.UTF_8)));
                    if (live > (80L << 20)) {
                        Path jcmd = Path.of(BrokerProcess.javaExecutable()).resolveSibling("jcmd");
                        System.out.println(run(jcmd.toString(), Long.toString(broker.pid()), "GC.class_histogram")
                                .lines().limit(25).collect(java.util.stream.Collectors.joining("\n")));
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            String json = Files.readString(report, StandardCharsets.UTF_8);
            String lastProgress = lastLine(Files.readString(progress, StandardCharsets.UTF_8));
            System.out.printf("OfflineBacklogIT: %,d messages of 100 B with -Xmx%s: most live heap %,d KiB, "
                    + "%.1f s in all; %s%n", MESSAGES, HEAP, mostLiveHeap >> 10, seconds, json);
            assertEquals(0, bench.exitValue(), "bench drain failed: " + json + " " + lastProgress + "\nbroker:\n"
                    + tail(broker.output()));
            assertEquals(MESSAGES, number(json, "messages_queued"), json);
            assertTrue(number(json, "messages_received") >= MESSAGES, json);
            assertEquals(0, number(json, "lost"), json);
            assertEquals(0, number(json, "out_of_order"), json);
            assertTrue(broker.output().lines().noneMatch(line -> line.contains("OutOfMemoryError")), broker.output());
            if (mostLiveHeap > 0) {
                assertTrue(mostLiveHeap < MOST_LIVE_HEAP_BYTES, "live heap " + (mostLiveHeap >> 20) + " MiB");
            }
        }
    }

    /** {@code jcmd PID GC.run}, then the heap's used bytes from {@code GC.heap_info}; 0 if jcmd is not there. */
    private static long liveHeapBytes(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(BrokerProcess.javaExecutable()).resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return 0;
        }
        run(jcmd.toString(), Long.toString(pid), "GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(run(jcmd.toString(), Long.toString(pid), "GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) << 10 : 0;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    private static long number(String json, String key) {
        Matcher value = Pattern.compile("\"" + key + "\":(-?\\d+)").matcher(json);
        if (!value.find()) {
            throw new AssertionError("no " + key + " in " + json);
        }
        return Long.parseLong(value.group(1));
    }

    private static String lastLine(String text) {
        String[] lines = text.split("[\r\n]");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
