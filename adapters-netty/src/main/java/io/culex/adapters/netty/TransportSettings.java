package io.culex.adapters.netty;

/**
 * Transport tuning.
 *
 * @param maxRemainingLength   packets announcing a longer body are refused before it is buffered
 * @param connectTimeoutMillis a connection that sends no CONNECT within this time is closed
 * @param ioThreads            event loops serving connections (one per core is the default)
 */
public record TransportSettings(int maxRemainingLength, long connectTimeoutMillis, int ioThreads,
                                int writeBufferLowBytes, int writeBufferHighBytes) {

    public static TransportSettings defaults(int maxRemainingLength) {
        return new TransportSettings(maxRemainingLength, 10_000, Runtime.getRuntime().availableProcessors(),
                512 * 1024, 1024 * 1024);
    }
}
