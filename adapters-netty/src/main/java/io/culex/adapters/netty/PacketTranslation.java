package io.culex.adapters.netty;

import io.culex.adapters.netty.codec.ConnectPacket;
import io.culex.adapters.netty.codec.PublishPacket;
import io.culex.adapters.netty.codec.SubscribePacket;
import io.culex.adapters.netty.codec.WillPacketPart;
import io.culex.application.connection.ConnectRequest;
import io.culex.application.connection.PublishRequest;
import io.culex.application.connection.SubscriptionRequest;
import io.culex.domain.message.QoS;
import io.culex.domain.will.Will;
import java.util.List;

/** Turns decoded packets into the application's request types. */
final class PacketTranslation {

    private PacketTranslation() {
    }

    static ConnectRequest toConnectRequest(ConnectPacket connect) {
        return toConnectRequest(connect, connect.username(), connect.password(), false);
    }

    /**
     * With the username taken from the client's certificate (use_identity_as_username,
     * use_subject_as_username): the packet's username and password are dropped, as Mosquitto does.
     */
    static ConnectRequest toConnectRequest(ConnectPacket connect, String certificateUsername) {
        return toConnectRequest(connect, certificateUsername, null, true);
    }

    private static ConnectRequest toConnectRequest(ConnectPacket connect, String username, byte[] password,
                                                   boolean usernameFromCertificate) {
        WillPacketPart will = connect.will();
        return new ConnectRequest(connect.protocolLevel(), connect.clientId(), connect.cleanSession(),
                connect.keepAliveSeconds(), username, password,
                will == null ? null : new Will(will.topic(), will.payload(), QoS.of(will.qos()), will.retain()),
                usernameFromCertificate);
    }

    static PublishRequest toPublishRequest(PublishPacket publish) {
        return new PublishRequest(publish.topic(), publish.payload(), QoS.of(publish.qos()), publish.retain(),
                publish.dup(), publish.packetId());
    }

    static List<SubscriptionRequest> toSubscriptionRequests(SubscribePacket subscribe) {
        return subscribe.subscriptions().stream()
                .map(s -> new SubscriptionRequest(s.filter(), QoS.of(s.qos())))
                .toList();
    }
}
