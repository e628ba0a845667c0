package io.culex.application.connection;

import io.culex.application.security.enhanced.EnhancedAuthMethods;
import io.culex.domain.port.Authenticator;
import io.culex.domain.port.Authorizer;
import java.util.List;
import java.util.Objects;

/**
 * Who may connect and what they may do, for the connections of one listener (Mosquitto's
 * {@code per_listener_settings true}) or of every listener (the broker-wide default).
 *
 * @param authenticator decides a CONNECT with a username and password
 * @param authorizer    the topic ACL ({@link Authorizer#ALLOW_ALL} without one)
 * @param enhancedAuth  the MQTT 5 authentication methods (AUTH exchanges) offered, by name
 */
public record ListenerSecurity(Authenticator authenticator, Authorizer authorizer, EnhancedAuthMethods enhancedAuth) {

    public ListenerSecurity {
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(enhancedAuth, "enhancedAuth");
    }

    /** Without enhanced authentication methods. */
    public ListenerSecurity(Authenticator authenticator, Authorizer authorizer) {
        this(authenticator, authorizer, EnhancedAuthMethods.of(List.of()));
    }
}
