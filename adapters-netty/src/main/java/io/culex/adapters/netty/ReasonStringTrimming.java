package io.culex.adapters.netty;

import io.culex.adapters.netty.codec.AuthPacket;
import io.culex.adapters.netty.codec.ConnackPacket;
import io.culex.adapters.netty.codec.DisconnectPacket;
import io.culex.adapters.netty.codec.MqttPacket;
import io.culex.adapters.netty.codec.PubackPacket;
import io.culex.adapters.netty.codec.PubcompPacket;
import io.culex.adapters.netty.codec.PubrecPacket;
import io.culex.adapters.netty.codec.PubrelPacket;
import io.culex.adapters.netty.codec.SubackPacket;
import io.culex.adapters.netty.codec.UnsubackPacket;

/**
 * MQTT 5 lets the broker leave out a reason string and user properties, and only those, when a
 * packet would otherwise exceed the client's Maximum Packet Size (e.g. [MQTT-3.4.2-2]).
 */
final class ReasonStringTrimming {

    private ReasonStringTrimming() {
    }

    /** The packet without reason string and user properties; a PUBLISH or PING is returned as it is. */
    static MqttPacket trimmed(MqttPacket packet) {
        if (packet instanceof PubackPacket p) {
            return new PubackPacket(p.packetId(), p.reasonCode(), p.properties().withoutReasonStringAndUserProperties());
        } else if (packet instanceof PubrecPacket p) {
            return new PubrecPacket(p.packetId(), p.reasonCode(), p.properties().withoutReasonStringAndUserProperties());
        } else if (packet instanceof PubrelPacket p) {
            return new PubrelPacket(p.packetId(), p.reasonCode(), p.properties().withoutReasonStringAndUserProperties());
        } else if (packet instanceof PubcompPacket p) {
            return new PubcompPacket(p.packetId(), p.reasonCode(), p.properties().withoutReasonStringAndUserProperties());
        } else if (packet instanceof ConnackPacket p) {
            return new ConnackPacket(p.sessionPresent(), p.returnCode(),
                    p.properties().withoutReasonStringAndUserProperties());
        } else if (packet instanceof SubackPacket p) {
            return new SubackPacket(p.packetId(), p.returnCodes(), p.properties().withoutReasonStringAndUserProperties());
        } else if (packet instanceof UnsubackPacket p) {
            return new UnsubackPacket(p.packetId(), p.reasonCodes(), p.properties().withoutReasonStringAndUserProperties());
        } else if (packet instanceof DisconnectPacket p) {
            return new DisconnectPacket(p.reasonCode(), p.properties().withoutReasonStringAndUserProperties());
        } else if (packet instanceof AuthPacket p) {
            return new AuthPacket(p.reasonCode(), p.properties().withoutReasonStringAndUserProperties());
        }
        return packet;
    }
}
