package io.culex.bootstrap.tools.bench;

import io.culex.adapters.netty.client.ClientOptions;
import io.culex.adapters.netty.client.MqttVersion;
import java.time.Duration;

/**
 * A validated {@code culex bench} command line. A run is count driven ({@code messages} per publisher)
 * unless {@code duration} is set; {@code rate} 0 means as fast as the window allows; {@code tls} is null
 * for plain TCP; {@code persistent} gives the traffic scenarios' subscribers clean session off;
 * {@code retained} is the sessions scenario's number of retained messages.
 */
record BenchOptions(
        Scenario scenario,
        String host,
        int port,
        MqttVersion version,
        String username,
        String password,
        ClientOptions.Tls tls,
        int qos,
        int payloadSize,
        long messages,
        Duration duration,
        int publishers,
        int subscribers,
        int connections,
        Duration hold,
        int rate,
        Duration warmup,
        int inflight,
        int keepAliveSeconds,
        int ioThreads,
        boolean progress,
        boolean json,
        boolean persistent,
        int retained) {

    boolean durationDriven() {
        return duration != null;
    }

    /** The same run shape for {@code length} of traffic, for the warm-up pass. */
    BenchOptions forWarmup() {
        return new BenchOptions(scenario, host, port, version, username, password, tls, qos, payloadSize, 0, warmup,
                publishers, subscribers, connections, hold, rate, Duration.ZERO, inflight, keepAliveSeconds, ioThreads,
                false, json, persistent, retained);
    }
}
