package io.culex.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.application.admin.AdminAccess.Verdict;
import io.culex.application.security.LoginThrottle;
import io.culex.domain.port.Authenticator;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminAccessTest {

    private static final byte[] TOKEN = "0123456789abcdef-token".getBytes(StandardCharsets.UTF_8);
    /** alice and bob exist, each with the password "<name>-pw". */
    private static final Authenticator USERS = (clientId, address, username, password) ->
            password != null && new String(password, StandardCharsets.UTF_8).equals(username + "-pw")
                    && Set.of("alice", "bob").contains(username)
                    ? Authenticator.Verdict.ACCEPTED : Authenticator.Verdict.NOT_AUTHORIZED;

    private long now;
    private final LoginThrottle throttle = new LoginThrottle(() -> now, 2, 1_000, 8_000, 60_000, 100);

    private AdminAccess access(boolean allowAnonymous) {
        return new AdminAccess(USERS, Set.of("alice"), () -> TOKEN, allowAnonymous, throttle);
    }

    private static AdminCredentials basic(String user, String password) {
        return AdminCredentials.basic(user, password.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void adminsAndTheTokenGetInOtherUsersAreForbiddenStrangersUnauthenticated() {
        AdminAccess access = access(false);
        assertEquals(Verdict.GRANTED, access.check("/10.0.0.1:5000", basic("alice", "alice-pw")));
        assertEquals(Verdict.FORBIDDEN, access.check("/10.0.0.1:5000", basic("bob", "bob-pw")));
        assertEquals(Verdict.UNAUTHENTICATED, access.check("/10.0.0.1:5000", basic("alice", "bob-pw")));
        assertEquals(Verdict.GRANTED, access.check("/10.0.0.1:5000", AdminCredentials.bearer(TOKEN)));
        assertEquals(Verdict.UNAUTHENTICATED, access.check("/10.0.0.1:5000",
                AdminCredentials.bearer("0123456789abcdef-tokeN".getBytes(StandardCharsets.UTF_8))));
        assertEquals(Verdict.UNAUTHENTICATED, access.check("/10.0.0.1:5000", AdminCredentials.NONE));
    }

    @Test
    void anonymousRequestsOnlyWhenAllowed() {
        assertEquals(Verdict.GRANTED, access(true).check("/10.0.0.1:5000", AdminCredentials.NONE));
        assertEquals(Verdict.UNAUTHENTICATED, access(true).check("/10.0.0.1:5000", basic("alice", "nope")));
    }

    @Test
    void withoutAPasswordFileOrTokenNoCredentialsWork() {
        AdminAccess access = new AdminAccess(null, Set.of("alice"), null, false, throttle);
        assertEquals(Verdict.UNAUTHENTICATED, access.check("/10.0.0.1:5000", basic("alice", "alice-pw")));
        assertEquals(Verdict.UNAUTHENTICATED, access.check("/10.0.0.1:5000", AdminCredentials.bearer(TOKEN)));
    }

    @Test
    void failuresLockTheHostOutUntilTheDelayPassesAndOtherHostsAreNotAffected() {
        AdminAccess access = access(false);
        access.check("/10.0.0.1:5000", basic("alice", "x"));
        access.check("/10.0.0.1:5001", basic("alice", "y"));
        access.check("/10.0.0.1:5002", basic("alice", "z")); // third failure: locked for 1 s
        assertEquals(Verdict.THROTTLED, access.check("/10.0.0.1:5003", basic("alice", "alice-pw")));
        assertEquals(Verdict.GRANTED, access.check("/10.0.0.2:5000", basic("alice", "alice-pw")));
        now += 1_000;
        assertEquals(Verdict.GRANTED, access.check("/10.0.0.1:5004", basic("alice", "alice-pw")));
    }
}
