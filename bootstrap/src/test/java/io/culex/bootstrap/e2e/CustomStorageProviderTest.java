package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.bootstrap.spi.InProcessStorageProvider;
import org.junit.jupiter.api.Test;

/** A storage backend written outside the project plugs in through the StorageProvider SPI and the config alone. */
class CustomStorageProviderTest extends BrokerTestSupport {

    private final String[] config = {"persistence true", "persistence_backend " + InProcessStorageProvider.NAME,
        "persistence_location custom-" + System.nanoTime()};

    @Test
    void aProviderFromTheClassPathKeepsSessionsAcrossARestart() throws Exception {
        startBroker(config);
        PahoClients.Client subscriber = clients.connect("custom-sub", PahoClients.MQTT_3_1_1, false);
        subscriber.subscribe("custom/#", 1);
        subscriber.paho.disconnect();
        clients.connect("custom-pub", PahoClients.MQTT_3_1_1, true).publish("custom/a", "kept for you", 1, false);
        clients.close();
        broker.close();

        startBroker(config);
        PahoClients.Client back = clients.connect("custom-sub", PahoClients.MQTT_3_1_1, false);
        assertEquals("kept for you", back.next().payload());
    }
}
