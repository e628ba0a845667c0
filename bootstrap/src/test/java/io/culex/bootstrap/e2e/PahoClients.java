package io.culex.bootstrap.e2e;

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

/** Eclipse Paho (MQTT 3.1 / 3.1.1) clients that record what they receive. */
final class PahoClients implements AutoCloseable {

    static final int MQTT_3_1 = MqttConnectOptions.MQTT_VERSION_3_1;
    static final int MQTT_3_1_1 = MqttConnectOptions.MQTT_VERSION_3_1_1;

    /** A message as a subscriber saw it. */
    record Received(String topic, String payload, int qos, boolean retained, boolean duplicate) {
    }

    /** A connected client and its inbox. */
    static final class Client {
        final MqttClient paho;
        final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
        volatile Throwable connectionLost;

        Client(MqttClient paho) {
            this.paho = paho;
        }

        Received next() throws InterruptedException {
            Received message = inbox.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within 10 s for " + paho.getClientId());
            }
            return message;
        }

        /** Asserts nothing more arrives within a short grace period. */
        Received nextOrNull(long millis) throws InterruptedException {
            return inbox.poll(millis, TimeUnit.MILLISECONDS);
        }

        void publish(String topic, String payload, int qos, boolean retained) throws MqttException {
            paho.publish(topic, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), qos, retained);
        }

        void subscribe(String filter, int qos) throws MqttException {
            paho.subscribe(filter, qos);
        }
    }

    private final String serverUri;
    private final List<MqttClient> opened = new ArrayList<>();

    PahoClients(RunningBroker broker) {
        this.serverUri = broker.uri();
    }

    MqttConnectOptions options(int version, boolean cleanSession) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(version);
        options.setCleanSession(cleanSession);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(60);
        options.setMaxInflight(1000);
        return options;
    }

    Client connect(String clientId, int version, boolean cleanSession) throws MqttException {
        return connect(clientId, options(version, cleanSession));
    }

    Client connect(String clientId, MqttConnectOptions options) throws MqttException {
        MqttClient paho = new MqttClient(serverUri, clientId, new MemoryPersistence());
        opened.add(paho);
        Client client = new Client(paho);
        paho.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                client.connectionLost = cause;
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                client.inbox.add(new Received(topic, new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8),
                        message.getQos(), message.isRetained(), message.isDuplicate()));
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
                // best effort: the broker is closed next anyway
            }
        }
    }
}
