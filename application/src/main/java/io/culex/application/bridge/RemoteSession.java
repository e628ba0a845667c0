package io.culex.application.bridge;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;

import io.culex.application.connection.ClientConnection;
import io.culex.application.connection.PublishRequest;
import io.culex.application.protocol.ReasonCode;
import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.session.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One connection attempt of a bridge and, once the remote accepted it, the link's packets. After CONNACK it
 * first sends its own packets (the remote notification, SUBSCRIBE for the in topics, UNSUBSCRIBE for the
 * out-only ones) and waits for their acknowledgements; only then is the local session attached. Their ids are
 * taken from the top of the range, skipping every id the local session has in flight (the remote may still hold
 * a QoS 2 flow with it); as the session sends nothing until it is attached, the two never meet. What the remote
 * sends meanwhile waits for the local side, at most {@link #MAX_AWAITING_LOCAL} packets: beyond that the link is
 * closed.
 *
 * <p>Threading: the transport calls every method on the link's event loop.
 */
final class RemoteSession implements RemoteLinkListener {

    private static final System.Logger LOG = System.getLogger("io.culex.bridge");
    private static final int FIRST_OWN_PACKET_ID = 65_535;
    /** Remote packets kept while the bridge's own packets await their acknowledgements. */
    static final int MAX_AWAITING_LOCAL = 1_000;

    private final Bridge bridge;
    private final RemoteAddress address;
    private final Set<Integer> ownPacketsAwaitingAck = new HashSet<>();
    private final List<Consumer<ClientConnection>> awaitingLocal = new ArrayList<>();
    /** QoS 2 messages no in topic carries: acknowledged and forgotten. */
    private final Set<Integer> unmappedQos2 = new HashSet<>();
    private volatile RemoteLink link;
    private volatile RemoteConnack connack;
    private volatile ClientConnection local;
    private volatile LocalSide localSide;
    /** The bridge itself ended the link (lazy idle timeout, stop, primary back): not an error. */
    private volatile String endedBy;
    /** Why the bridge closed the link as a failure, for the disconnection's log line. */
    private volatile String failure;

    RemoteSession(Bridge bridge, RemoteAddress address) {
        this.bridge = bridge;
        this.address = address;
    }

    RemoteAddress address() {
        return address;
    }

    RemoteLink link() {
        return link;
    }

    RemoteConnack connack() {
        return connack;
    }

    /** The bridge ends the link for {@code reason}; its disconnection is then no failure. */
    void end(String reason, boolean withWill) {
        endedBy = reason;
        RemoteLink current = link;
        if (current != null) {
            if (withWill) {
                current.close();
            } else {
                current.disconnect();
            }
        }
    }

    /**
     * The bridge ends the link on purpose (lazy idle timeout, broker stopping, primary address back, local
     * session gone). As Mosquitto (net__socket_close), with remote notifications the link is closed without
     * DISCONNECT: the remote publishes our will, retained "0" at QoS 1, so its notification topic never keeps a
     * stale "1" (a DISCONNECT would discard the will). Without them, a normal DISCONNECT.
     */
    void endDeliberately(String reason) {
        BridgeSettings settings = bridge.settings();
        end(reason, settings.notifications() && !settings.notificationsLocalOnly());
    }

    String endedBy() {
        return endedBy;
    }

    @Override
    public void connected(RemoteLink connectedLink, RemoteConnack accepted) {
        link = connectedLink;
        connack = accepted;
        if (!bridge.remoteConnected(this)) {
            connectedLink.disconnect();
            return;
        }
        bridge.localFlightIds().whenComplete((inFlight, error) -> connectedLink.eventLoop().execute(() -> {
            sendOwnPackets(new OwnPacketIds(inFlight == null ? Set.of() : inFlight));
            if (ownPacketsAwaitingAck.isEmpty()) {
                bridge.attachLocal(this);
            }
        }));
    }

    /** Ids from 65535 down that the local session does not use. */
    private static final class OwnPacketIds {
        private final Set<Integer> taken;
        private int last = FIRST_OWN_PACKET_ID + 1;

        OwnPacketIds(Set<Integer> taken) {
            this.taken = taken;
        }

        int next() {
            do {
                last--;
            } while (taken.contains(last));
            return last;
        }
    }

    private void sendOwnPackets(OwnPacketIds ids) {
        BridgeSettings settings = bridge.settings();
        if (settings.notifications() && !settings.notificationsLocalOnly()) {
            // QoS 1 unless the remote takes only QoS 0; then there is no acknowledgement to wait for.
            QoS qos = connack.maximumQoS().min(QoS.AT_LEAST_ONCE);
            Message state = new Message(settings.notificationTopic(), "1".getBytes(StandardCharsets.UTF_8), qos, true);
            int packetId = qos == QoS.AT_MOST_ONCE ? 0 : ids.next();
            link.publish(packetId, settings.notificationTopic(), new Delivery(state, qos, true), false, -1);
            if (packetId != 0) {
                ownPacketsAwaitingAck.add(packetId);
            }
        }
        List<RemoteSubscription> subscriptions = bridge.topics().inTopics().stream()
                .map(topic -> new RemoteSubscription(topic.remoteFilter(), topic.qos(), true, true))
                .toList();
        if (!subscriptions.isEmpty()) {
            int packetId = ids.next();
            link.subscribe(packetId, subscriptions);
            ownPacketsAwaitingAck.add(packetId);
        }
        // As Mosquitto: a topic that became out-only must stop coming in from an earlier run's subscription.
        List<String> outOnly = bridge.topics().outTopics().stream()
                .filter(topic -> !topic.direction().carriesIn())
                .map(BridgeTopic::remoteFilter)
                .toList();
        if (settings.attemptUnsubscribe() && !outOnly.isEmpty()) {
            int packetId = ids.next();
            link.unsubscribe(packetId, outOnly);
            ownPacketsAwaitingAck.add(packetId);
        }
        link.flush();
    }

    /** The bridge attached its local side: what the remote sent meanwhile goes to it now. */
    void attached(LocalSide side) {
        localSide = side;
        ClientConnection connection = side.connection();
        local = connection;
        awaitingLocal.forEach(action -> action.accept(connection));
        awaitingLocal.clear();
    }

    private void toLocal(Consumer<ClientConnection> action) {
        ClientConnection connection = local;
        if (connection != null) {
            action.accept(connection);
        } else if (awaitingLocal.size() < MAX_AWAITING_LOCAL) {
            awaitingLocal.add(action);
        } else if (failure == null) {
            failure = "more than " + MAX_AWAITING_LOCAL + " packets from the remote before it acknowledged the"
                    + " bridge's subscriptions";
            LOG.log(WARNING, () -> "Bridge " + bridge.name() + ": " + address + " sent " + failure
                    + ", closing the link.");
            awaitingLocal.clear();
            link.close();
        }
    }

    private void ownPacketAcknowledged(int packetId) {
        if (ownPacketsAwaitingAck.remove(packetId) && ownPacketsAwaitingAck.isEmpty()) {
            bridge.attachLocal(this);
        }
    }

    @Override
    public void connectFailed(String reason) {
        bridge.connectFailed(this, reason);
    }

    @Override
    public void publish(PublishRequest request) {
        bridge.traffic().received();
        String localTopic = bridge.topics().toLocal(request.topic());
        if (localTopic == null) {
            LOG.log(DEBUG, () -> "Bridge " + bridge.name() + ": no in topic carries " + request.topic() + ", dropped.");
            acknowledgeUnmapped(request);
            return;
        }
        PublishRequest mapped = new PublishRequest(localTopic, request.payload(), request.qos(), request.retain(),
                request.dup(), request.packetId(), request.properties(), request.messageExpirySeconds(),
                PublishRequest.NO_ALIAS);
        toLocal(connection -> connection.publish(mapped));
    }

    private void acknowledgeUnmapped(PublishRequest request) {
        if (request.qos() == QoS.AT_LEAST_ONCE) {
            link.puback(request.packetId(), ReasonCode.SUCCESS);
        } else if (request.qos() == QoS.EXACTLY_ONCE) {
            unmappedQos2.add(request.packetId());
            link.pubrec(request.packetId(), ReasonCode.SUCCESS);
        }
        link.flush();
    }

    @Override
    public void puback(int packetId, int reasonCode) {
        LocalSide side = localSide;
        if (side == null) {
            ownPacketAcknowledged(packetId);
        } else {
            side.remotePuback(packetId);
        }
    }

    @Override
    public void pubrec(int packetId, int reasonCode) {
        toLocal(connection -> connection.pubrec(packetId, reasonCode));
    }

    @Override
    public void pubrel(int packetId) {
        if (unmappedQos2.remove(packetId)) {
            link.pubcomp(packetId, ReasonCode.SUCCESS);
            link.flush();
            return;
        }
        toLocal(connection -> connection.pubrel(packetId));
    }

    @Override
    public void pubcomp(int packetId, int reasonCode) {
        toLocal(connection -> connection.pubcomp(packetId));
    }

    @Override
    public void suback(int packetId, List<Integer> codes) {
        if (codes.stream().anyMatch(code -> code >= 0x80)) {
            LOG.log(WARNING, () -> "Bridge " + bridge.name() + ": " + address + " refused subscriptions, SUBACK "
                    + codes + ".");
        }
        ownPacketAcknowledged(packetId);
    }

    @Override
    public void unsuback(int packetId) {
        ownPacketAcknowledged(packetId);
    }

    @Override
    public void writable() {
        ClientConnection connection = local;
        if (connection != null) {
            connection.writable();
        }
    }

    @Override
    public void disconnected(String reason) {
        bridge.remoteDisconnected(this, failure != null ? failure : reason);
    }
}
