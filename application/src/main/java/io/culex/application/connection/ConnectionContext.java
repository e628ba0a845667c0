package io.culex.application.connection;

import io.culex.application.metrics.BrokerMetrics;
import io.culex.application.routing.Router;
import io.culex.application.settings.BrokerSettings;
import io.culex.domain.port.Authenticator;

/** The broker-wide services every client connection works with. */
public record ConnectionContext(BrokerSettings settings, Authenticator authenticator, SessionRegistry sessions,
                                Router router, BrokerMetrics metrics) {
}
