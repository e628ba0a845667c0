package io.culex.application.security.enhanced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.security.password.PasswordFileParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnhancedAuthMethodsTest {

    /** A one-step method: the data is the username, accepted as is. Stands in for a third party's method. */
    private record TrustingMethod(String name) implements EnhancedAuthMethod {

        @Override
        public EnhancedAuthExchange start(String clientId, byte[] initialData) {
            AuthStep answer = AuthStep.success(new String(initialData, StandardCharsets.UTF_8), null);
            return new EnhancedAuthExchange() {
                @Override
                public AuthStep firstStep() {
                    return answer;
                }

                @Override
                public AuthStep step(byte[] clientData) {
                    return AuthStep.failure("one step only");
                }
            };
        }
    }

    @Test
    void scramIsFoundOnTheClassPathThroughServiceLoader() {
        EnhancedAuthMethods methods = EnhancedAuthMethods.load(
                new EnhancedAuthContext(() -> PasswordFileParser.parse("")));

        assertEquals(List.of("SCRAM-SHA-256"), methods.names());
        assertInstanceOf(ScramSha256Method.class, methods.byName("SCRAM-SHA-256").orElseThrow());
        assertTrue(EnhancedAuthProviders.available().stream().anyMatch(p -> p instanceof ScramSha256Provider));
    }

    @Test
    void unknownNamesAndOtherCaseFindNothing() {
        EnhancedAuthMethods methods = EnhancedAuthMethods.of(List.of(new TrustingMethod("X-TRUST")));
        assertTrue(methods.byName("SCRAM-SHA-1").isEmpty());
        assertTrue(methods.byName("x-trust").isEmpty());
        assertEquals("X-TRUST", methods.byName("X-TRUST").orElseThrow().name());
    }

    @Test
    void namesAreSorted() {
        EnhancedAuthMethods methods = EnhancedAuthMethods.of(List.of(new TrustingMethod("B"), new TrustingMethod("A")));
        assertEquals(List.of("A", "B"), methods.names());
    }

    @Test
    void twoMethodsWithOneNameAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnhancedAuthMethods.of(List.of(new TrustingMethod("SAME"), new TrustingMethod("SAME"))));
        assertTrue(e.getMessage().contains("'SAME'"), e::getMessage);
    }

    @Test
    void defaultReauthenticationKeepsTheConnectionsUser() {
        EnhancedAuthMethod method = new TrustingMethod("X-TRUST");
        byte[] alice = "alice".getBytes(StandardCharsets.UTF_8);

        AuthStep same = method.reauthenticate("c", "alice", alice).firstStep();
        AuthStep other = method.reauthenticate("c", "bob", alice).firstStep();

        assertEquals("alice", same.username().orElseThrow());
        assertEquals(AuthStep.Outcome.FAILURE, other.outcome(), other::toString);
        assertTrue(other.username().isEmpty());
    }
}
