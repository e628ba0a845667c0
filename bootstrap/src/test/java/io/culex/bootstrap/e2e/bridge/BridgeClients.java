package io.culex.bootstrap.e2e.bridge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Paho MQTT 3.1.1 clients of the bridged brokers, recording what they receive; closed together. */
final class BridgeClients implements AutoCloseable {

    /** A message as a subscriber saw it. */
    record Received(String topic, String payload, int qos) {
        @Override
        public String toString() {
            return topic + " " + payload + " q" + qos;
        }
    }

    /** A connected client and its inbox. */
    static final class Client {
        final MqttClient paho;
        final MqttConnectOptions options;
        final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();

        Client(MqttClient paho, MqttConnectOptions options) {
            this.paho = paho;
            this.options = options;
        }

        Received next() throws InterruptedException {
            Received message = inbox.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within 10 s for " + paho.getClientId());
            }
            return message;
        }

        /** Null if nothing more arrives within {@code millis}. */
        Received nextOrNull(long millis) throws InterruptedException {
            return inbox.poll(millis, TimeUnit.MILLISECONDS);
        }

        /** Returns once the broker acknowledged it (QoS 1/2). */
        void publish(String topic, String payload, int qos) throws MqttException {
            paho.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false);
        }

        void subscribe(String filter, int qos) throws MqttException {
            paho.subscribe(filter, qos);
        }
    }

    private final List<MqttClient> opened = new ArrayList<>();

    Client connect(BridgeTestBroker broker, String clientId, boolean cleanSession) throws MqttException {
        return connect(broker.uri(), clientId, cleanSession);
    }

    /** A client of any broker, Culex or Mosquitto, by Paho's server URI. */
    Client connect(String serverUri, String clientId, boolean cleanSession) throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(cleanSession);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(60);
        options.setMaxInflight(1000);
        MqttClient paho = new MqttClient(serverUri, clientId, new MemoryPersistence());
        opened.add(paho);
        Client client = new Client(paho, options);
        paho.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                client.inbox.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                        message.getQos()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        paho.connect(options);
        return client;
    }

    @Override
    public void close() {
        for (MqttClient client : opened) {
            try {
                if (client.isConnected()) {
                    client.disconnectForcibly(100, 100);
                }
                client.close(true);
            } catch (MqttException ignored) {
                // best effort: the brokers are closed next anyway
            }
        }
    }
}
