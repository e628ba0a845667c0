package io.culex.bootstrap.spi;

import io.culex.application.spi.AuthBackend;
import io.culex.application.spi.AuthProvider;
import io.culex.domain.port.Authenticator;
import io.culex.domain.port.Authorizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider that exists only in the tests (registered in the test resources' META-INF/services): accepts any
 * client whose password is the {@code token} option, and lets nobody publish to {@code forbidden/#}.
 */
public final class TokenAuthProvider implements AuthProvider {

    public static final String NAME = "test-token";
    /** How many backends were closed, so a test can see the broker releases its provider. */
    public static final AtomicInteger CLOSED = new AtomicInteger();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AuthBackend create(Map<String, String> options) {
        String token = options.get("token");
        if (token == null) {
            throw new IllegalArgumentException("auth_provider_opt_token is required");
        }
        byte[] expected = token.getBytes(StandardCharsets.UTF_8);
        Authenticator authenticator = (clientId, remoteAddress, username, password) ->
                password != null && MessageDigest.isEqual(expected, password)
                        ? Authenticator.Verdict.ACCEPTED : Authenticator.Verdict.NOT_AUTHORIZED;
        Authorizer.Permissions noForbidden = new Authorizer.Permissions() {
            @Override
            public boolean canPublish(String topic) {
                return !topic.equals("forbidden") && !topic.startsWith("forbidden/");
            }

            @Override
            public boolean canSubscribe(String filter) {
                return true;
            }

            @Override
            public boolean canReceive(String topic) {
                return true;
            }
        };
        return new AuthBackend() {
            @Override
            public Authenticator authenticator() {
                return authenticator;
            }

            @Override
            public Optional<Authorizer> authorizer() {
                return Optional.of((clientId, username) -> noForbidden);
            }

            @Override
            public void close() {
                CLOSED.incrementAndGet();
            }
        };
    }
}
