package io.culex.application.connection;

import io.culex.domain.port.Authenticator;
import io.culex.domain.port.Authorizer;
import java.util.Objects;

/**
 * Who may connect and what they may do, for the connections of one listener (Mosquitto's
 * {@code per_listener_settings true}) or of every listener (the broker-wide default).
 *
 * @param authenticator decides CONNECT
 * @param authorizer    the topic ACL ({@link Authorizer#ALLOW_ALL} without one)
 */
public record ListenerSecurity(Authenticator authenticator, Authorizer authorizer) {

    public ListenerSecurity {
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(authorizer, "authorizer");
    }
}
