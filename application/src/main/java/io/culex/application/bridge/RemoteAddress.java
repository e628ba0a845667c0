package io.culex.application.bridge;

import java.util.Objects;

/** One entry of a bridge's {@code address}/{@code addresses} list. */
public record RemoteAddress(String host, int port) {

    public RemoteAddress {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
