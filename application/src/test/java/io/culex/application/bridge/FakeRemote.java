package io.culex.application.bridge;

import io.culex.application.connection.PublishRequest;
import io.culex.application.protocol.ReasonCode;
import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.session.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * The remote broker as the bridge sees it through its ports: records each connection attempt and what a
 * link is asked to send, and lets the test answer for the remote. Everything runs on the test's thread.
 */
final class FakeRemote implements RemoteConnector {

    /** One call of {@link #connect}. */
    record Attempt(RemoteAddress address, RemoteConnectRequest request, RemoteLinkListener listener) {
    }

    final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    @Override
    public void connect(RemoteAddress address, RemoteConnectRequest request, RemoteLinkListener listener) {
        attempts.add(new Attempt(address, request, listener));
    }

    Attempt lastAttempt() {
        return attempts.get(attempts.size() - 1);
    }

    /** The last attempt fails (connection refused...). */
    void refuse(String reason) {
        lastAttempt().listener().connectFailed(reason);
    }

    /** The last attempt gets CONNACK; the bridge's own packets (notification, SUBSCRIBE...) are acknowledged. */
    Link accept() {
        return accept(65_535);
    }

    Link accept(int receiveMaximum) {
        return accept(new RemoteConnack(false, receiveMaximum, 0, QoS.EXACTLY_ONCE, true));
    }

    Link accept(RemoteConnack connack) {
        Link link = connackOnly(connack);
        link.acknowledgeBridgePackets();
        return link;
    }

    /** The last attempt gets CONNACK; the bridge's own packets are left for the test to acknowledge. */
    Link connackOnly(RemoteConnack connack) {
        Attempt attempt = lastAttempt();
        Link link = new Link(attempt.address(), attempt.listener());
        attempt.listener().connected(link, connack);
        return link;
    }

    /** One established connection: what the bridge sent on it, as lines like "PUBLISH 1 r/a q1 m1 dup retain". */
    static final class Link implements RemoteLink {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final RemoteAddress address;
        final RemoteLinkListener listener;
        boolean ended;
        // Whether the broker asked the link to stop reading (flow control towards the remote).
        volatile boolean readingPaused;
        boolean endedWithDisconnect;

        Link(RemoteAddress address, RemoteLinkListener listener) {
            this.address = address;
            this.listener = listener;
        }

        void acknowledgeBridgePackets() {
            for (String line : List.copyOf(sent)) {
                String[] words = line.split(" ");
                int packetId = Integer.parseInt(words[1]);
                switch (words[0]) {
                    case "PUBLISH" -> {
                        if (packetId != 0) {
                            listener.puback(packetId, 0);
                        }
                    }
                    case "SUBSCRIBE" -> listener.suback(packetId, List.of(1));
                    case "UNSUBSCRIBE" -> listener.unsuback(packetId);
                    default -> throw new IllegalStateException(line);
                }
            }
        }

        /** The remote sends a PUBLISH. */
        void publishFromRemote(String topic, String payload, QoS qos, int packetId, boolean retain) {
            listener.publish(new PublishRequest(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retain, false,
                    packetId, MessageProperties.NONE, -1, PublishRequest.NO_ALIAS));
        }

        /** The network drops the connection. */
        void drop(String reason) {
            end(false);
            listener.disconnected(reason);
        }

        List<String> sent(String kind) {
            return sent.stream().filter(line -> line.startsWith(kind + " ")).toList();
        }

        List<String> publishes() {
            return sent("PUBLISH");
        }

        private void end(boolean withDisconnect) {
            if (!ended) {
                ended = true;
                endedWithDisconnect = withDisconnect;
            }
        }

        @Override
        public boolean publish(int packetId, String topic, Delivery delivery, boolean dup, long messageExpirySeconds) {
            sent.add("PUBLISH " + packetId + " " + topic + " q" + delivery.qos().value() + " "
                    + new String(delivery.message().payload(), StandardCharsets.UTF_8) + (dup ? " dup" : "")
                    + (delivery.retainFlag() ? " retain" : ""));
            return true;
        }

        @Override
        public void puback(int packetId, ReasonCode code) {
            sent.add("PUBACK " + packetId);
        }

        @Override
        public void pubrec(int packetId, ReasonCode code) {
            sent.add("PUBREC " + packetId);
        }

        @Override
        public void pubrel(int packetId) {
            sent.add("PUBREL " + packetId);
        }

        @Override
        public void pubcomp(int packetId, ReasonCode code) {
            sent.add("PUBCOMP " + packetId);
        }

        @Override
        public void subscribe(int packetId, List<RemoteSubscription> subscriptions) {
            sent.add("SUBSCRIBE " + packetId + " " + subscriptions);
        }

        @Override
        public void unsubscribe(int packetId, List<String> filters) {
            sent.add("UNSUBSCRIBE " + packetId + " " + filters);
        }

        @Override
        public void flush() {
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public void pauseReading(long trickleMillis) {
            readingPaused = true;
        }

        @Override
        public void resumeReading() {
            readingPaused = false;
        }

        @Override
        public void disconnect() {
            if (!ended) {
                end(true);
                listener.disconnected("closed by the bridge");
            }
        }

        @Override
        public void close() {
            if (!ended) {
                end(false);
                listener.disconnected("closed by the bridge");
            }
        }

        @Override
        public Executor eventLoop() {
            return Runnable::run;
        }

        @Override
        public String remoteAddress() {
            return address.toString();
        }
    }
}
