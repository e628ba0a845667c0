package io.culex.application.security;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import io.culex.domain.port.Authenticator;
import java.util.Objects;

/**
 * Slows down password guessing: wraps an authenticator and, while a {@link LoginThrottle} holds the client's host
 * locked out, refuses every login that presents a username at once with {@link Verdict#NOT_AUTHORIZED} (the same
 * CONNACK 0x05 a wrong password gets, so the client learns nothing), without hashing the password. Nothing
 * waits: the refusal is immediate, which also spares the CPU the PBKDF2 work an attacker would make it do.
 * Clients without a username are passed through: refusing them is allow_anonymous's business, not guessing.
 */
public final class ThrottlingAuthenticator implements Authenticator {

    /** Connection-message logger, so these lines sit next to the "refused" lines they explain. */
    private static final System.Logger LOG = System.getLogger("io.culex.connection");

    private final Authenticator delegate;
    private final LoginThrottle throttle;

    public ThrottlingAuthenticator(Authenticator delegate, LoginThrottle throttle) {
        this.delegate = Objects.requireNonNull(delegate);
        this.throttle = Objects.requireNonNull(throttle);
    }

    @Override
    public Verdict authenticate(String clientId, String remoteAddress, String username, byte[] password) {
        if (username == null) {
            return delegate.authenticate(clientId, remoteAddress, null, password);
        }
        String host = LoginThrottle.hostOf(remoteAddress);
        long locked = throttle.lockedForMillis(host);
        if (locked > 0) {
            LOG.log(INFO, () -> String.format("Client %s from %s as u'%s': login refused without a check, too many "
                    + "failed logins from %s (%d ms left).", clientId, remoteAddress, username, host, locked));
            return Verdict.NOT_AUTHORIZED;
        }
        Verdict verdict = delegate.authenticate(clientId, remoteAddress, username, password);
        if (verdict == Verdict.ACCEPTED) {
            throttle.succeeded(host);
        } else {
            long lockout = throttle.failed(host);
            if (lockout > 0) {
                LOG.log(WARNING, () -> String.format("Warning: repeated failed logins from %s (last as u'%s'); "
                        + "refusing its logins for %d ms.", host, username, lockout));
            }
        }
        return verdict;
    }
}
