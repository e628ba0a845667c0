package io.culex.bootstrap.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Eclipse Paho MQTT 5 clients that record what they receive and how the broker disconnected them. */
final class Paho5Clients implements AutoCloseable {

    /** A message as a subscriber saw it, with its MQTT 5 properties. */
    record Received(String topic, String payload, int qos, boolean retained, MqttProperties properties) {
    }

    /** A connected client, its inbox and the DISCONNECT the broker sent it, if any. */
    static final class Client implements MqttCallback {
        final MqttAsyncClient paho;
        final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
        final BlockingQueue<MqttDisconnectResponse> disconnects = new LinkedBlockingQueue<>();
        volatile IMqttToken connectToken;

        Client(MqttAsyncClient paho) {
            this.paho = paho;
        }

        Received next() throws InterruptedException {
            Received message = inbox.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within 10 s for " + paho.getClientId());
            }
            return message;
        }

        Received nextOrNull(long millis) throws InterruptedException {
            return inbox.poll(millis, TimeUnit.MILLISECONDS);
        }

        MqttDisconnectResponse awaitDisconnect() throws InterruptedException {
            MqttDisconnectResponse response = disconnects.poll(10, TimeUnit.SECONDS);
            if (response == null) {
                throw new AssertionError("no disconnect within 10 s for " + paho.getClientId());
            }
            return response;
        }

        /** The CONNACK's properties. */
        MqttProperties connack() {
            return connectToken.getResponseProperties();
        }

        /** Publishes and waits for the acknowledgement; returns the token (reason codes, properties). */
        IMqttToken publish(String topic, String payload, int qos, boolean retained, MqttProperties properties)
                throws MqttException {
            MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), qos, retained, properties);
            IMqttToken token = paho.publish(topic, message);
            token.waitForCompletion(10_000);
            return token;
        }

        void publish(String topic, String payload, int qos, boolean retained) throws MqttException {
            publish(topic, payload, qos, retained, new MqttProperties());
        }

        /** Subscribes and waits for the SUBACK; returns its reason codes. */
        int[] subscribe(MqttSubscription subscription, MqttProperties properties) throws MqttException {
            IMqttToken token = paho.subscribe(new MqttSubscription[] {subscription}, null, null, properties);
            token.waitForCompletion(10_000);
            return token.getReasonCodes();
        }

        int[] subscribe(String filter, int qos) throws MqttException {
            return subscribe(new MqttSubscription(filter, qos), new MqttProperties());
        }

        void disconnect() throws MqttException {
            paho.disconnect().waitForCompletion(10_000);
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            disconnects.add(response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            inbox.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                    message.getQos(), message.isRetained(), message.getProperties()));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }

    private final String serverUri;
    private final List<MqttAsyncClient> opened = new ArrayList<>();

    Paho5Clients(RunningBroker broker) {
        this.serverUri = broker.uri();
    }

    static MqttConnectionOptions options(boolean cleanStart, Long sessionExpiry) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(cleanStart);
        options.setSessionExpiryInterval(sessionExpiry);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(60);
        return options;
    }

    Client connect(String clientId) throws MqttException {
        return connect(clientId, options(true, 0L));
    }

    Client connect(String clientId, MqttConnectionOptions options) throws MqttException {
        MqttAsyncClient paho = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        opened.add(paho);
        Client client = new Client(paho);
        paho.setCallback(client);
        IMqttToken token = paho.connect(options);
        token.waitForCompletion(10_000);
        client.connectToken = token;
        return client;
    }

    @Override
    public void close() {
        for (MqttAsyncClient client : opened) {
            try {
                if (client.isConnected()) {
                    client.disconnectForcibly(100, 100, false);
                }
                client.close();
            } catch (MqttException ignored) {
                // best effort: the broker is closed next anyway
            }
        }
    }
}
