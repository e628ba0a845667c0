package io.culex.application.spi;

import io.culex.domain.port.Authenticator;
import io.culex.domain.port.Authorizer;
import java.util.Optional;

/**
 * What an {@link AuthProvider} created: the broker's authenticator, and optionally its authoriser.
 * Both are called on the network threads (once per CONNECT, and {@link Authorizer.Permissions} on every
 * PUBLISH and delivery): they must be thread-safe and must not block for long, so cache remote answers.
 */
public interface AuthBackend extends AutoCloseable {

    /** Replaces password_file and allow_anonymous: it alone decides who may connect. */
    Authenticator authenticator();

    /** When present, replaces acl_file; when empty, acl_file (if any) still applies. */
    default Optional<Authorizer> authorizer() {
        return Optional.empty();
    }

    /** SIGHUP: re-read whatever the backend caches (keys, rules). Does nothing by default. */
    default void reload() {
    }

    /** The broker stops. Does nothing by default. */
    @Override
    default void close() {
    }
}
