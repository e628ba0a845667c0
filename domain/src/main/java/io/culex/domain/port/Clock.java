package io.culex.domain.port;

/**
 * The passage of time, as a port: the core never reads the JDK clock itself, so tests can
 * drive time and nothing depends on how long a test machine takes.
 */
public interface Clock {

    /** Milliseconds on a clock that never goes backwards; only differences between readings mean anything. */
    long monotonicMillis();
}
