package io.culex.bootstrap.tools.bench;

import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** "sent 123,456 (41,234/s)  received 120,000 (40,000/s)": totals and the rate since the previous line. */
final class ProgressLine implements Supplier<String> {

    private final LongSupplier sent;
    private final LongSupplier received;
    private long lastSent;
    private long lastReceived;
    private long lastNanos = System.nanoTime();

    ProgressLine(LongSupplier sent, LongSupplier received) {
        this.sent = sent;
        this.received = received;
    }

    @Override
    public String get() {
        long now = System.nanoTime();
        long s = sent.getAsLong();
        long r = received.getAsLong();
        double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        String line = String.format(Locale.ROOT, "sent %,d (%,.0f/s)  received %,d (%,.0f/s)",
                s, (s - lastSent) / seconds, r, (r - lastReceived) / seconds);
        lastSent = s;
        lastReceived = r;
        lastNanos = now;
        return line;
    }
}
