package io.culex.application.connection;

import io.culex.application.metrics.BrokerMetrics;
import io.culex.application.persistence.Persistence;
import io.culex.application.routing.Router;
import io.culex.application.settings.BrokerSettings;
import io.culex.domain.port.Clock;

/**
 * The broker-wide services every client connection works with. Authentication and authorisation are not
 * here: they can differ per listener, so each connection gets its {@link ListenerSecurity}.
 */
public record ConnectionContext(BrokerSettings settings, SessionRegistry sessions, Router router,
                                BrokerMetrics metrics, Clock clock, LiveConnections connections,
                                Persistence persistence) {
}
