package io.culex.application.connection;

import io.culex.application.metrics.BrokerMetrics;
import io.culex.application.routing.Router;
import io.culex.application.settings.BrokerSettings;
import io.culex.domain.port.Authenticator;
import io.culex.domain.port.Authorizer;

/** The broker-wide services every client connection works with. */
public record ConnectionContext(BrokerSettings settings, Authenticator authenticator, SessionRegistry sessions,
                                Router router, BrokerMetrics metrics, Authorizer authorizer) {

    /** Without an ACL: every client may publish, subscribe and receive anything. */
    public ConnectionContext(BrokerSettings settings, Authenticator authenticator, SessionRegistry sessions,
                             Router router, BrokerMetrics metrics) {
        this(settings, authenticator, sessions, router, metrics, Authorizer.ALLOW_ALL);
    }
}
