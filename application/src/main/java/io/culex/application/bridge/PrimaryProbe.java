package io.culex.application.bridge;

import io.culex.application.connection.PublishRequest;
import java.util.List;

/** A throwaway connection to a bridge's primary address: if it connects, the primary is back. */
final class PrimaryProbe implements RemoteLinkListener {

    private final Bridge bridge;

    PrimaryProbe(Bridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void connected(RemoteLink link, RemoteConnack connack) {
        link.disconnect();
        bridge.primaryReachable();
    }

    @Override
    public void connectFailed(String reason) {
        // still down: stay on the backup
    }

    @Override
    public void publish(PublishRequest request) {
    }

    @Override
    public void puback(int packetId, int reasonCode) {
    }

    @Override
    public void pubrec(int packetId, int reasonCode) {
    }

    @Override
    public void pubrel(int packetId) {
    }

    @Override
    public void pubcomp(int packetId, int reasonCode) {
    }

    @Override
    public void suback(int packetId, List<Integer> codes) {
    }

    @Override
    public void unsuback(int packetId) {
    }

    @Override
    public void writable() {
    }

    @Override
    public void disconnected(String reason) {
    }
}
