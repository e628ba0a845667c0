package io.culex.application.bridge;

import io.culex.application.Broker;
import io.culex.application.security.AnonymousPolicyAuthenticator;
import io.culex.application.settings.BrokerSettings;
import io.culex.application.spi.StorageProviders;
import io.culex.application.spi.StorageSettings;
import io.culex.domain.port.Authorizer;
import java.util.List;
import java.util.Random;

/** A real application broker on the memory backend, a fake remote and a hand-moved clock for bridge tests. */
final class BridgeFixture implements AutoCloseable {

    final Broker broker;
    final ManualTimers timers = new ManualTimers();
    final FakeRemote remote = new FakeRemote();
    BridgeService service;

    BridgeFixture() {
        this(BrokerSettings.defaults());
    }

    BridgeFixture(BrokerSettings settings) {
        broker = new Broker(settings, StorageProviders.byName("memory").open(StorageSettings.inMemory()).retained(),
                new AnonymousPolicyAuthenticator(true), Authorizer.ALLOW_ALL);
    }

    BridgeService start(TestBridgeSettings settings) {
        service = new BridgeService(List.of(settings.build()), broker, remote, timers, new Random(7));
        service.start();
        return service;
    }

    BridgeStatus status() {
        return service.bridges().get(0);
    }

    /** Lets the bridge's periodic check run once (queue figures, lazy rules). */
    void check() {
        timers.advance(Bridge.CHECK_INTERVAL_MILLIS);
    }

    LocalClient client(String clientId) {
        return new LocalClient(broker, clientId);
    }

    @Override
    public void close() {
        if (service != null) {
            service.stop();
        }
        broker.close();
    }
}
