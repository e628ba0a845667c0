package io.culex.bootstrap.tools.bench;

import io.culex.adapters.netty.client.ClientOptions;
import java.nio.charset.StandardCharsets;

/** The CONNECT every bench connection sends: the command line's broker, version, credentials and keepalive. */
final class BenchConnections {

    private static final int TCP_CONNECT_TIMEOUT_MILLIS = 10_000;

    private final BenchOptions options;

    BenchConnections(BenchOptions options) {
        this.options = options;
    }

    ClientOptions forClient(String clientId, boolean cleanSession) {
        byte[] password = options.password() == null ? null : options.password().getBytes(StandardCharsets.UTF_8);
        return new ClientOptions(options.host(), options.port(), options.version(), clientId, cleanSession,
                options.keepAliveSeconds(), options.username(), password, null, TCP_CONNECT_TIMEOUT_MILLIS,
                options.tls());
    }
}
