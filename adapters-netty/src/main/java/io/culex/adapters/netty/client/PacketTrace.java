package io.culex.adapters.netty.client;

import io.culex.adapters.netty.codec.ConnackPacket;
import io.culex.adapters.netty.codec.MqttPacket;
import io.culex.adapters.netty.codec.PubackPacket;
import io.culex.adapters.netty.codec.PubcompPacket;
import io.culex.adapters.netty.codec.PubrecPacket;
import io.culex.adapters.netty.codec.PubrelPacket;
import io.culex.adapters.netty.codec.PublishPacket;
import io.culex.adapters.netty.codec.SubscribePacket;
import io.culex.adapters.netty.codec.TopicSubscription;
import io.culex.adapters.netty.codec.UnsubscribePacket;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes packets exactly as libmosquitto 2.0 logs them at debug level, so that {@code -d}
 * output can be compared line by line with mosquitto_pub / mosquitto_sub. The wording differs
 * between directions (e.g. "sending PUBACK (m1, rc0)" but "received PUBACK (Mid: 1, RC:0)").
 */
final class PacketTrace {

    private PacketTrace() {
    }

    /** {@code mid} is the message id libmosquitto shows, which a QoS 0 PUBLISH has too though it is not sent. */
    static String sendingPublish(PublishPacket publish, int mid) {
        return "sending " + publish("PUBLISH", publish, mid);
    }

    /** One line per filter, as libmosquitto logs a multi-topic SUBSCRIBE. */
    static List<String> sending(MqttPacket packet) {
        if (packet instanceof SubscribePacket subscribe) {
            List<String> lines = new ArrayList<>();
            for (TopicSubscription subscription : subscribe.subscriptions()) {
                lines.add("sending SUBSCRIBE (Mid: " + subscribe.packetId() + ", Topic: " + subscription.filter()
                        + ", QoS: " + subscription.qos() + ", Options: " + String.format("0x%02x", options(subscription)) + ")");
            }
            return lines;
        } else if (packet instanceof UnsubscribePacket unsubscribe) {
            List<String> lines = new ArrayList<>();
            for (String filter : unsubscribe.filters()) {
                lines.add("sending UNSUBSCRIBE (Mid: " + unsubscribe.packetId() + ", Topic: " + filter + ")");
            }
            return lines;
        } else if (packet instanceof PubackPacket puback) {
            return List.of("sending PUBACK (m" + puback.packetId() + ", rc" + puback.reasonCode() + ")");
        } else if (packet instanceof PubrecPacket pubrec) {
            return List.of("sending PUBREC (m" + pubrec.packetId() + ", rc" + pubrec.reasonCode() + ")");
        } else if (packet instanceof PubrelPacket pubrel) {
            return List.of("sending PUBREL (m" + pubrel.packetId() + ")");
        } else if (packet instanceof PubcompPacket pubcomp) {
            return List.of("sending PUBCOMP (m" + pubcomp.packetId() + ")");
        } else if (packet instanceof PublishPacket publish) {
            return List.of(sendingPublish(publish, publish.packetId()));
        }
        return List.of("sending " + typeName(packet));
    }

    static String received(MqttPacket packet) {
        if (packet instanceof PublishPacket publish) {
            return "received " + publish("PUBLISH", publish, publish.packetId());
        } else if (packet instanceof ConnackPacket connack) {
            return "received CONNACK (" + connack.returnCode() + ")";
        } else if (packet instanceof PubackPacket puback) {
            return "received PUBACK (Mid: " + puback.packetId() + ", RC:" + puback.reasonCode() + ")";
        } else if (packet instanceof PubrecPacket pubrec) {
            return "received PUBREC (Mid: " + pubrec.packetId() + ")";
        } else if (packet instanceof PubrelPacket pubrel) {
            return "received PUBREL (Mid: " + pubrel.packetId() + ")";
        } else if (packet instanceof PubcompPacket pubcomp) {
            return "received PUBCOMP (Mid: " + pubcomp.packetId() + ", RC:" + pubcomp.reasonCode() + ")";
        }
        return "received " + typeName(packet);
    }

    private static String publish(String name, PublishPacket publish, int mid) {
        return name + " (d" + (publish.dup() ? 1 : 0) + ", q" + publish.qos() + ", r" + (publish.retain() ? 1 : 0)
                + ", m" + mid + ", '" + publish.topic() + "', ... (" + publish.payload().length + " bytes))";
    }

    /** The MQTT 5 option bits above the QoS, as libmosquitto prints them (0x00 on 3.x). */
    private static int options(TopicSubscription subscription) {
        return (subscription.noLocal() ? 0x04 : 0) | (subscription.retainAsPublished() ? 0x08 : 0)
                | subscription.retainHandling() << 4;
    }

    /** "ConnectPacket" → "CONNECT", "PingreqPacket" → "PINGREQ". */
    private static String typeName(MqttPacket packet) {
        String simple = packet.getClass().getSimpleName();
        return simple.substring(0, simple.length() - "Packet".length()).toUpperCase(java.util.Locale.ROOT);
    }
}
