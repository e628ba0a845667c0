package io.culex.application.connection;

import io.culex.application.metrics.BrokerMetrics;
import io.culex.application.persistence.Persistence;
import io.culex.application.routing.Router;
import io.culex.application.settings.BrokerSettings;
import io.culex.domain.port.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The broker-wide services every client connection works with. Authentication and authorisation are not
 * here: they can differ per listener, so each connection gets its {@link ListenerSecurity}.
 *
 * @param currentSettings the settings in force; a configuration reload replaces them, so read them through
 *                        {@link #settings()} when they are needed rather than keeping them
 */
public record ConnectionContext(Supplier<BrokerSettings> currentSettings, SessionRegistry sessions, Router router,
                                BrokerMetrics metrics, Clock clock, LiveConnections connections,
                                Persistence persistence) {

    public ConnectionContext {
        Objects.requireNonNull(currentSettings, "currentSettings");
        Objects.requireNonNull(persistence, "persistence");
    }

    /** With settings that never change, and nothing stored. */
    public ConnectionContext(BrokerSettings settings, SessionRegistry sessions, Router router, BrokerMetrics metrics,
                             Clock clock, LiveConnections connections) {
        this(() -> settings, sessions, router, metrics, clock, connections, Persistence.none(clock));
    }

    /** The settings in force now. */
    public BrokerSettings settings() {
        return currentSettings.get();
    }
}
