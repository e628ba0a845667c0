package io.culex.application.bridge;

/**
 * Driven port: opens a bridge's network connection to a remote broker. Implemented by the transport
 * adapter, which owns sockets, TLS, the codec and keepalive (PINGREQ every {@code keepAliveSeconds};
 * no PINGRESP within it closes the link).
 */
public interface RemoteConnector {

    /**
     * Connects to {@code address} (TLS when {@code request.tls()} is not null), sends CONNECT and reports
     * exactly once: {@link RemoteLinkListener#connected} after a successful CONNACK, or
     * {@link RemoteLinkListener#connectFailed} (TCP or TLS failure, timeout, CONNACK refusal).
     * Never blocks the caller.
     */
    void connect(RemoteAddress address, RemoteConnectRequest request, RemoteLinkListener listener);
}
