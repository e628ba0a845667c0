package io.culex.application.admin;

import static java.lang.System.Logger.Level.WARNING;

import io.culex.application.security.LoginThrottle;
import io.culex.domain.port.Authenticator;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who may use the admin API: password-file users with the admin role (HTTP Basic), holders of the token
 * (Bearer), and, only if the operator said so, anyone. Failed attempts are throttled per host as MQTT logins
 * are ({@link LoginThrottle}); a locked-out host is refused without checking anything. Thread-safe.
 */
public final class AdminAccess {

    private static final System.Logger LOG = System.getLogger("io.culex.admin");

    /** The outcome, which the transport maps to its status codes (200, 401, 403, 429). */
    public enum Verdict { GRANTED, UNAUTHENTICATED, FORBIDDEN, THROTTLED }

    private final Authenticator passwords;
    private final Set<String> admins;
    private final Supplier<byte[]> token;
    private final boolean allowAnonymous;
    private final LoginThrottle throttle;

    /**
     * @param passwords      checks a username and password against the password file; null without one
     * @param admins         the users with the admin role
     * @param token          the current bearer token; null without one
     * @param allowAnonymous whether requests without credentials are served
     */
    public AdminAccess(Authenticator passwords, Set<String> admins, Supplier<byte[]> token, boolean allowAnonymous,
                       LoginThrottle throttle) {
        this.passwords = passwords;
        this.admins = Set.copyOf(admins);
        this.token = token;
        this.allowAnonymous = allowAnonymous;
        this.throttle = Objects.requireNonNull(throttle);
    }

    /** @param remoteAddress the client's address, as the transport writes it (throttling is per host) */
    public Verdict check(String remoteAddress, AdminCredentials credentials) {
        if (credentials.isNone()) {
            // Not a failure: browsers ask without credentials first and then prompt.
            return allowAnonymous ? Verdict.GRANTED : Verdict.UNAUTHENTICATED;
        }
        String host = LoginThrottle.hostOf(remoteAddress);
        if (throttle.lockedForMillis(host) > 0) {
            return Verdict.THROTTLED;
        }
        Verdict verdict = credentials.token() != null ? checkToken(credentials.token())
                : checkPassword(remoteAddress, credentials.username(), credentials.password());
        if (verdict == Verdict.UNAUTHENTICATED) {
            long lockout = throttle.failed(host);
            if (lockout > 0) {
                LOG.log(WARNING, () -> "Warning: repeated failed admin API logins from " + host
                        + "; refusing its requests for " + lockout + " ms.");
            }
        } else {
            throttle.succeeded(host);
        }
        return verdict;
    }

    private Verdict checkToken(byte[] presented) {
        byte[] expected = token == null ? null : token.get();
        return expected != null && MessageDigest.isEqual(expected, presented)
                ? Verdict.GRANTED : Verdict.UNAUTHENTICATED;
    }

    private Verdict checkPassword(String remoteAddress, String username, byte[] password) {
        if (passwords == null || passwords.authenticate("admin-api", remoteAddress, username, password)
                != Authenticator.Verdict.ACCEPTED) {
            return Verdict.UNAUTHENTICATED;
        }
        // A real user, but an administrator only if named in http_api_users.
        return admins.contains(username) ? Verdict.GRANTED : Verdict.FORBIDDEN;
    }
}
