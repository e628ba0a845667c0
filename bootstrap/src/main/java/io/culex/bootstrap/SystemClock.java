package io.culex.bootstrap;

import io.culex.domain.port.Clock;

/** The JDK's monotonic clock behind the domain's {@link Clock} port. */
final class SystemClock implements Clock {

    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long monotonicMillis() {
        return System.nanoTime() / 1_000_000;
    }
}
