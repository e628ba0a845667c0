package io.culex.application.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.domain.port.Authenticator;
import io.culex.domain.port.Authenticator.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ThrottlingAuthenticatorTest {

    /** Accepts alice/secret and anonymous clients; counts how often it is asked about a username. */
    private static final class CountingAuthenticator implements Authenticator {
        int checks;

        @Override
        public Verdict authenticate(String clientId, String remoteAddress, String username, byte[] password) {
            if (username == null) {
                return Verdict.ACCEPTED;
            }
            checks++;
            boolean ok = username.equals("alice") && password != null
                    && new String(password, StandardCharsets.UTF_8).equals("secret");
            return ok ? Verdict.ACCEPTED : Verdict.NOT_AUTHORIZED;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final CountingAuthenticator delegate = new CountingAuthenticator();
    private final ThrottlingAuthenticator authenticator =
            new ThrottlingAuthenticator(delegate, new LoginThrottle(clock, 3, 1_000, 8_000, 600_000, 100));

    private Verdict login(String address, String password) {
        return authenticator.authenticate("client", address, "alice",
                password == null ? null : password.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void afterRepeatedFailuresEvenTheRightPasswordIsRefusedUnchecked() {
        for (int i = 0; i < 4; i++) {
            assertEquals(Verdict.NOT_AUTHORIZED, login("10.0.0.1:" + (40_000 + i), "guess" + i));
        }
        assertEquals(4, delegate.checks);
        // Locked for 1 s: refused at once, from any port of that host, without hashing anything.
        assertEquals(Verdict.NOT_AUTHORIZED, login("10.0.0.1:50000", "secret"));
        assertEquals(4, delegate.checks);
        // Another host is not affected.
        assertEquals(Verdict.ACCEPTED, login("10.0.0.2:50000", "secret"));
        clock.advance(1_000);
        assertEquals(Verdict.ACCEPTED, login("10.0.0.1:50001", "secret"));
        // The success cleared the record: three free failures again.
        for (int i = 0; i < 3; i++) {
            login("10.0.0.1:50002", "nope");
        }
        assertEquals(Verdict.ACCEPTED, login("10.0.0.1:50003", "secret"));
    }

    @Test
    void theDelayDoublesWithEachFurtherFailure() {
        // Failures 1-3 are free; 4 locks for 1 s and 5 for 2 s, each waited out before the next.
        for (int i = 0; i < 5; i++) {
            login("10.0.0.1:1", "nope");
            clock.advance(i < 3 ? 0 : 1_000 << (i - 3));
        }
        assertEquals(5, delegate.checks, "every failure was checked: none came during a lockout");
        // Failure 6 locks for 4 s.
        login("10.0.0.1:1", "nope");
        clock.advance(3_999);
        assertEquals(Verdict.NOT_AUTHORIZED, login("10.0.0.1:1", "secret"));
        clock.advance(1);
        assertEquals(Verdict.ACCEPTED, login("10.0.0.1:1", "secret"));
    }

    @Test
    void anonymousClientsAreNeitherThrottledNorCounted() {
        for (int i = 0; i < 10; i++) {
            assertEquals(Verdict.ACCEPTED, authenticator.authenticate("c", "10.0.0.1:1", null, null));
        }
        for (int i = 0; i < 4; i++) {
            login("10.0.0.1:1", "nope");
        }
        assertEquals(Verdict.ACCEPTED, authenticator.authenticate("c", "10.0.0.1:1", null, null));
    }
}
