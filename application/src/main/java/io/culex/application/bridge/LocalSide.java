package io.culex.application.bridge;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;

import io.culex.application.connection.ClientConnection;
import io.culex.application.connection.Connack;
import io.culex.application.connection.Outbound;
import io.culex.application.protocol.ReasonCode;
import io.culex.domain.message.QoS;
import io.culex.domain.session.Delivery;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The bridge's local client connection, seen from the broker: what the broker sends this "client" (the
 * messages of the out/both topics, acknowledgements of the messages from the remote) goes on to the remote
 * link, topics mapped. Its packet ids are the session's, and so the remote PUBLISHes' own ids.
 *
 * <p>Before a link exists (the start-up pass that creates the session and its subscriptions) there is no
 * remote: PUBLISHes written then stay unacknowledged in the session, to be re-sent with DUP on the link.
 *
 * <p>Every PUBLISH is capped at the remote's Maximum QoS when it is written (MQTT 5, 3.3.2-... a client must not
 * send more), re-sends included. The session still holds such a flight at its own QoS, so the remote's shorter
 * answer completes it here: a QoS 2 flight sent as QoS 1 is PUBREC'd then PUBCOMP'd locally on PUBACK, a flight
 * sent as QoS 0 is acknowledged locally at once.
 */
final class LocalSide implements Outbound {

    private static final System.Logger LOG = System.getLogger("io.culex.bridge");

    private final Bridge bridge;
    private final RemoteLink link;
    private final boolean retainAvailable;
    private final QoS remoteMaximumQoS;
    private final Executor home;
    private ClientConnection connection;
    /** QoS 2 flights written as QoS 1: the remote's PUBACK ends them. Session thread and link loop. */
    private final Set<Integer> qos2SentAsQos1 = ConcurrentHashMap.newKeySet();
    /** Flights whose PUBREL the session is about to send although the remote holds nothing to release. */
    private final Set<Integer> releasedLocally = ConcurrentHashMap.newKeySet();

    /**
     * @param link            null for the start-up pass
     * @param retainAvailable false if the remote said it takes no retained messages: the flag is left off
     * @param remoteMaximumQoS the highest QoS the remote accepts
     * @param home            the session's thread without a link
     */
    LocalSide(Bridge bridge, RemoteLink link, boolean retainAvailable, QoS remoteMaximumQoS, Executor home) {
        this.bridge = bridge;
        this.link = link;
        this.retainAvailable = retainAvailable;
        this.remoteMaximumQoS = remoteMaximumQoS;
        this.home = home;
    }

    /** The broker's side of this connection; set once, right after it is accepted. */
    void connection(ClientConnection accepted) {
        connection = accepted;
    }

    ClientConnection connection() {
        return connection;
    }

    @Override
    public void connack(Connack connack) {
        if (connack.code() != 0) {
            LOG.log(WARNING, () -> "Bridge " + bridge.name() + ": the local broker refused its session (CONNACK "
                    + connack.code() + ").");
        }
    }

    @Override
    public boolean publish(int packetId, Delivery delivery, boolean dup, long messageExpirySeconds) {
        String topic = delivery.message().topic();
        String remoteTopic = bridge.topics().toRemote(topic);
        if (remoteTopic == null) {
            LOG.log(DEBUG, () -> "Bridge " + bridge.name() + ": no out topic carries " + topic + ", dropped.");
            return false; // the session ends the flow, as for a message too large for the client
        }
        if (link == null) {
            return true; // kept in flight: re-sent with DUP once a link is up
        }
        QoS qos = delivery.qos().value() > remoteMaximumQoS.value() ? remoteMaximumQoS : delivery.qos();
        boolean retain = delivery.retainFlag() && bridge.settings().outgoingRetain() && retainAvailable;
        Delivery sent = qos != delivery.qos() || retain != delivery.retainFlag()
                ? new Delivery(delivery.message(), qos, retain, delivery.subscriptionIds(), delivery.sharedFilter())
                : delivery;
        boolean written = link.publish(qos == QoS.AT_MOST_ONCE ? 0 : packetId, remoteTopic, sent,
                dup && qos != QoS.AT_MOST_ONCE, messageExpirySeconds);
        if (!written) {
            return false;
        }
        if (!dup) {
            bridge.traffic().sent();
        }
        if (qos != delivery.qos()) {
            completeDowngradedLocally(packetId, delivery.qos(), qos);
        }
        return true;
    }

    /** A flight written below its QoS: what the remote will not answer is answered here. */
    private void completeDowngradedLocally(int packetId, QoS held, QoS sent) {
        if (sent == QoS.AT_LEAST_ONCE) {
            qos2SentAsQos1.add(packetId); // the remote's PUBACK ends it
        } else if (held == QoS.AT_LEAST_ONCE) {
            connection.puback(packetId);
        } else {
            releasedLocally.add(packetId);
            connection.pubrec(packetId);
        }
    }

    /** The remote's PUBACK: ends a QoS 1 flight, or a QoS 2 one that was sent as QoS 1. */
    void remotePuback(int packetId) {
        if (qos2SentAsQos1.remove(packetId)) {
            releasedLocally.add(packetId);
            connection.pubrec(packetId);
        } else {
            connection.puback(packetId);
        }
    }

    @Override
    public void puback(int packetId, ReasonCode code, String reasonString) {
        if (link != null) {
            link.puback(packetId, code);
        }
    }

    @Override
    public void pubrec(int packetId, ReasonCode code, String reasonString) {
        if (link != null) {
            link.pubrec(packetId, code);
        }
    }

    @Override
    public void pubrel(int packetId, ReasonCode code) {
        if (releasedLocally.remove(packetId)) {
            connection.pubcomp(packetId); // the remote never had this flow at QoS 2
        } else if (link != null) {
            link.pubrel(packetId);
        }
    }

    @Override
    public void pubcomp(int packetId, ReasonCode code) {
        if (link != null) {
            link.pubcomp(packetId, code);
        }
    }

    @Override
    public void suback(int packetId, List<Integer> codes) {
        if (codes.stream().anyMatch(code -> code >= 0x80)) {
            LOG.log(WARNING, () -> "Bridge " + bridge.name() + ": the local broker refused a subscription " + codes
                    + ".");
        }
    }

    @Override
    public void unsuback(int packetId, List<ReasonCode> codes) {
        // the bridge never unsubscribes locally
    }

    @Override
    public void pingresp() {
        // never pings
    }

    @Override
    public void disconnect(ReasonCode code, String reasonString, String serverReference) {
        // close() follows
    }

    @Override
    public void auth(ReasonCode code, String method, byte[] data) {
        // no enhanced authentication on an internal connection
    }

    @Override
    public void flush() {
        if (link != null) {
            link.flush();
        }
    }

    /** The broker ended this connection (shutdown, takeover of the client id...): the link goes too. */
    @Override
    public void close() {
        bridge.localSideClosed(this);
    }

    @Override
    public boolean isWritable() {
        return link == null || link.isWritable();
    }

    /** The remote's messages go to local sessions that are behind: stop reading them from the link. */
    @Override
    public void pauseReading(long trickleMillis) {
        if (link != null) {
            link.pauseReading(trickleMillis);
        }
    }

    @Override
    public void resumeReading() {
        if (link != null) {
            link.resumeReading();
        }
    }

    @Override
    public void expectTrafficWithin(long millis) {
        // the remote link has its own keepalive
    }

    @Override
    public Executor eventLoop() {
        return link != null ? link.eventLoop() : home;
    }

    @Override
    public String remoteAddress() {
        return "bridge " + bridge.name();
    }
}
