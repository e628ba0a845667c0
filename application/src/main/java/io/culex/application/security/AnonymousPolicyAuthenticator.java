package io.culex.application.security;

import io.culex.domain.port.Authenticator;

/**
 * The authenticator used when no password file is configured: as in Mosquitto,
 * every client is accepted when allow_anonymous is true and refused otherwise.
 */
public final class AnonymousPolicyAuthenticator implements Authenticator {

    private final boolean allowAnonymous;

    public AnonymousPolicyAuthenticator(boolean allowAnonymous) {
        this.allowAnonymous = allowAnonymous;
    }

    @Override
    public Verdict authenticate(String clientId, String remoteAddress, String username, byte[] password) {
        return allowAnonymous ? Verdict.ACCEPTED : Verdict.NOT_AUTHORIZED;
    }
}
