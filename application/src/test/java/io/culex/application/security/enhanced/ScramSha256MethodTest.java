package io.culex.application.security.enhanced;

import static io.culex.application.security.enhanced.ScramTestClient.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.security.password.HashAlgorithm;
import io.culex.application.security.password.PasswordFile;
import io.culex.application.security.password.PasswordFileParser;
import io.culex.application.security.password.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScramSha256MethodTest {

    private static final PasswordHasher HASHER = new PasswordHasher();
    private static final byte[] SECRET = "a decoy secret of 32 bytes......".getBytes(StandardCharsets.US_ASCII);

    private static String scram(String user, String password, int iterations) {
        return user + ":" + HASHER.hash(password, HashAlgorithm.SCRAM_SHA256, iterations).encode();
    }

    /** Most SCRAM users have 5000 iterations, so that is what a decoy must claim. */
    private static final PasswordFile FILE = PasswordFileParser.parse(String.join("\n",
            scram("alice", "alice's pässwörd", 5000),
            scram("bob", "bob pw", 5000),
            scram("a,b=c", "comma", 5000),
            scram("rare", "rare pw", 4096),
            "mosq:" + HASHER.hash("mosq pw", HashAlgorithm.SHA512_PBKDF2, 101).encode()));

    private final ScramSha256Method method = new ScramSha256Method(() -> FILE, SECRET);

    private static void assertContinues(AuthStep step) {
        assertEquals(AuthStep.Outcome.CONTINUE, step.outcome(), step::toString);
    }

    private static void assertFails(AuthStep step) {
        assertEquals(AuthStep.Outcome.FAILURE, step.outcome(), step::toString);
        assertTrue(step.serverData().isEmpty());
        assertTrue(step.username().isEmpty());
    }

    private static String text(AuthStep step) {
        return new String(step.serverData().orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void rfc7677TestVector() {
        PasswordFile rfc = PasswordFileParser.parse("user:$scram-sha-256$4096$W22ZaJ0SNY7soEsUEjb6gQ==$"
                + "WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=$wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=");
        ScramSha256Method fixedNonce = new ScramSha256Method(() -> rfc, SECRET, () -> "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");

        EnhancedAuthExchange exchange = fixedNonce.start("client", utf8("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        assertContinues(exchange.firstStep());
        assertEquals("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
                text(exchange.firstStep()));

        AuthStep last = exchange.step(utf8("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        assertEquals(AuthStep.Outcome.SUCCESS, last.outcome(), last::toString);
        assertEquals("user", last.username().orElseThrow());
        assertEquals("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", text(last));
    }

    @Test
    void fullExchangeWithAnIndependentClient() throws Exception {
        ScramTestClient client = new ScramTestClient("alice", "alice's pässwörd", "fyko+d2lbbFgONRv9qkxdawL");

        EnhancedAuthExchange exchange = method.start("client-1", client.clientFirst());
        AuthStep first = exchange.firstStep();
        assertContinues(first);
        String nonce = ScramTestClient.attributes(first.serverData().orElseThrow()).get("r");
        assertTrue(nonce.startsWith("fyko+d2lbbFgONRv9qkxdawL") && nonce.length() == 24 + 24, nonce);
        assertEquals("5000", ScramTestClient.attributes(first.serverData().orElseThrow()).get("i"));

        AuthStep last = exchange.step(client.clientFinal(first.serverData().orElseThrow()));
        assertEquals(AuthStep.Outcome.SUCCESS, last.outcome(), last::toString);
        assertEquals("alice", last.username().orElseThrow());
        assertTrue(client.acceptsServerFinal(last.serverData().orElseThrow()), "server signature");
    }

    @Test
    void everyExchangeGetsItsOwnServerNonce() {
        byte[] clientFirst = new ScramTestClient("alice", "x", "abc").clientFirst();
        assertNotEquals(text(method.start("c", clientFirst).firstStep()),
                text(method.start("c", clientFirst).firstStep()));
    }

    @Test
    void escapedCommaAndEqualsInTheUsername() throws Exception {
        ScramTestClient client = new ScramTestClient("a,b=c", "comma", "nonce");
        AuthStep last = run(method.start("c", client.clientFirst()), client);
        assertEquals("a,b=c", last.username().orElseThrow(), last::toString);
    }

    @Test
    void wrongPasswordFails() throws Exception {
        ScramTestClient client = new ScramTestClient("alice", "alice's password", "nonce");
        AuthStep last = run(method.start("c", client.clientFirst()), client);
        assertFails(last);
        assertTrue(last.failureReason().orElseThrow().contains("wrong password"), last::toString);
    }

    @Test
    void anUnknownUserLooksLikeAWrongPasswordOnTheWire() throws Exception {
        ScramTestClient known = new ScramTestClient("alice", "guess", "nonce");
        ScramTestClient unknown = new ScramTestClient("mallory", "guess", "nonce");
        ScramTestClient mosquittoOnly = new ScramTestClient("mosq", "mosq pw", "nonce");

        EnhancedAuthExchange knownExchange = method.start("c", known.clientFirst());
        EnhancedAuthExchange unknownExchange = method.start("c", unknown.clientFirst());
        EnhancedAuthExchange mosquittoExchange = method.start("c", mosquittoOnly.clientFirst());

        for (EnhancedAuthExchange exchange : new EnhancedAuthExchange[] {unknownExchange, mosquittoExchange}) {
            assertContinues(exchange.firstStep());
            assertEquals(shape(knownExchange.firstStep()), shape(exchange.firstStep()));
        }
        assertFails(run(knownExchange, known));
        assertFails(run(unknownExchange, unknown));
        assertFails(run(mosquittoExchange, mosquittoOnly));
    }

    @Test
    void anUnknownUsersSaltIsStableLikeARealOneAndDiffersPerUser() {
        assertEquals(salt("mallory"), salt("mallory"));
        assertEquals(salt("alice"), salt("alice"));
        assertNotEquals(salt("mallory"), salt("trudy"));
        assertNotEquals(salt("mallory"), salt("alice"));
        // Another secret, other decoys: they cannot be predicted without it.
        ScramSha256Method other = new ScramSha256Method(() -> FILE, "another secret, also long enough".getBytes());
        assertNotEquals(salt("mallory"), ScramTestClient.attributes(
                other.start("c", new ScramTestClient("mallory", "x", "n").clientFirst()).firstStep().serverData()
                        .orElseThrow()).get("s"));
    }

    /** Everything in a server-first message except the values that differ per user: lengths and the count. */
    private static String shape(AuthStep serverFirst) {
        var attributes = ScramTestClient.attributes(serverFirst.serverData().orElseThrow());
        return attributes.get("r").length() + "/" + Base64.getDecoder().decode(attributes.get("s")).length + "/"
                + attributes.get("i");
    }

    private String salt(String username) {
        AuthStep first = method.start("c", new ScramTestClient(username, "x", "n").clientFirst()).firstStep();
        return ScramTestClient.attributes(first.serverData().orElseThrow()).get("s");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fyko+d2lbbFgONRv9qkxdawLX", "X", "fyko+d2lbbFgONRv9qkxdawL"})
    void aTamperedNonceFailsEvenWithAProofOverIt(String tampering) throws Exception {
        ScramTestClient client = new ScramTestClient("alice", "alice's pässwörd", "fyko+d2lbbFgONRv9qkxdawL");
        EnhancedAuthExchange exchange = method.start("c", client.clientFirst());
        byte[] serverFirst = exchange.firstStep().serverData().orElseThrow();
        String nonce = ScramTestClient.attributes(serverFirst).get("r");
        // Appended to the server's nonce, replacing it, or dropping the server's part.
        String tampered = tampering.equals("X") ? "X" + nonce.substring(1)
                : tampering.length() > 24 ? nonce + "X" : tampering;

        AuthStep last = exchange.step(client.clientFinal(serverFirst, tampered));

        assertFails(last);
        assertTrue(last.failureReason().orElseThrow().contains("nonce"), last::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"y,,n=alice,r=abc", "p=tls-unique,,n=alice,r=abc", "p=tls-exporter,,n=alice,r=abc"})
    void channelBindingIsRefused(String clientFirst) {
        EnhancedAuthExchange exchange = method.start("c", utf8(clientFirst));
        assertFails(exchange.firstStep());
        assertTrue(exchange.firstStep().failureReason().orElseThrow().contains("channel binding"));
        assertFails(exchange.step(utf8("c=biws,r=abc,p=AAAA")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"y,,", "p=tls-unique,,", "n,a=alice,", "n,"})
    void aChannelBindingOtherThanTheGs2HeaderFailsEvenWithAProofOverIt(String gs2Header) throws Exception {
        ScramTestClient client = new ScramTestClient("alice", "alice's pässwörd", "nonce");
        EnhancedAuthExchange exchange = method.start("c", client.clientFirst());
        byte[] serverFirst = exchange.firstStep().serverData().orElseThrow();

        AuthStep last = exchange.step(
                client.clientFinal(serverFirst, ScramTestClient.attributes(serverFirst).get("r"), gs2Header));

        assertFails(last);
        assertTrue(last.failureReason().orElseThrow().contains("channel binding"), last::toString);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "n", "n,", "n,,", "x,,n=alice,r=abc", "n,a=bob,n=alice,r=abc", "n,bad,n=alice,r=abc",
        "n,,n=alice", "n,,r=abc,n=alice", "n,,n=,r=abc", "n,,n=alice,r=", "n,,n=al=ice,r=abc", "n,,n=al=2cice,r=abc",
        "n,,n=alice,r=ab\u00e9c", "n,,n=alice,r=abc,", "n,,n=alice,r=abc,1=x", "n,,n=alice,r=abc,x=",
        "n,,m=ext,n=alice,r=abc", "n,,N=alice,r=abc", "n,,n=ali\u0000ce,r=abc"})
    void aMalformedClientFirstMessageFailsWithoutAnException(String clientFirst) {
        EnhancedAuthExchange exchange = method.start("c", utf8(clientFirst));
        assertFails(exchange.firstStep());
        assertFails(exchange.step(utf8("c=biws,r=abc,p=AAAA")));
    }

    @Test
    void noOrBadlyEncodedClientFirstDataFails() {
        assertFails(method.start("c", null).firstStep());
        assertFails(method.start("c", new byte[] {'n', ',', ',', 'n', '=', (byte) 0xC3, ',', 'r', '=', 'a'})
                .firstStep());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "c=biws", "c=biws,r=NONCE", "c=biws,r=NONCE,PROOF,e=x", "r=NONCE,c=biws,PROOF",
        "c=biws,PROOF,r=NONCE", "c=,r=NONCE,PROOF", "c=biw,r=NONCE,PROOF", "c=bi*s,r=NONCE,PROOF",
        "c=biws,r=NONCE,p=not base64!", "c=biws,r=NONCE,p=AAAA", "c=biws,r=NONCE,p=", "c=biws,r=NONCE,1=x,PROOF",
        "c=biws,r=NONCE,,PROOF", "c=biws,r=NONCE,PROOF,", "c=biws,r=NONCE,p=PROOFXX", "c=biws,r=NONCE,x=y,PROOF"})
    void aMalformedClientFinalMessageFailsWithoutAnException(String template) throws Exception {
        ScramTestClient client = new ScramTestClient("alice", "alice's pässwörd", "nonce");
        EnhancedAuthExchange exchange = method.start("c", client.clientFirst());
        byte[] serverFirst = exchange.firstStep().serverData().orElseThrow();
        String honest = new String(client.clientFinal(serverFirst), StandardCharsets.UTF_8);
        String proof = honest.substring(honest.indexOf(",p=") + 1);
        String message = template.replace("NONCE", ScramTestClient.attributes(serverFirst).get("r"))
                .replace("p=PROOF", proof.substring(0, proof.length() - 4)).replace("PROOF", proof);

        assertFails(exchange.step(utf8(message)));
    }

    @Test
    void aMissingClientFinalFails() throws Exception {
        EnhancedAuthExchange exchange = method.start("c", new ScramTestClient("alice", "x", "n").clientFirst());
        assertFails(exchange.step(null));
    }

    @Test
    void nothingSucceedsAfterTheExchangeEnded() throws Exception {
        ScramTestClient client = new ScramTestClient("alice", "alice's pässwörd", "nonce");
        EnhancedAuthExchange exchange = method.start("c", client.clientFirst());
        byte[] clientFinal = client.clientFinal(exchange.firstStep().serverData().orElseThrow());
        assertEquals(AuthStep.Outcome.SUCCESS, exchange.step(clientFinal).outcome());

        assertFails(exchange.step(clientFinal));
    }

    @Test
    void reauthenticationAsTheSameUserSucceeds() throws Exception {
        ScramTestClient again = new ScramTestClient("alice", "alice's pässwörd", "second-nonce");
        AuthStep last = run(method.reauthenticate("c", "alice", again.clientFirst()), again);
        assertEquals("alice", last.username().orElseThrow(), last::toString);
        assertTrue(again.acceptsServerFinal(last.serverData().orElseThrow()));
    }

    @Test
    void reauthenticationAsAnotherUserIsRefusedEvenWithTheirPassword() throws Exception {
        ScramTestClient bob = new ScramTestClient("bob", "bob pw", "nonce");
        EnhancedAuthExchange exchange = method.reauthenticate("c", "alice", bob.clientFirst());

        assertFails(exchange.firstStep());
        assertTrue(exchange.firstStep().failureReason().orElseThrow().contains("re-authentication"));
        assertFails(exchange.step(utf8("c=biws,r=nonce,p=AAAA")));
        // Bob's own connection may of course use his password.
        assertEquals("bob", run(method.start("c", bob.clientFirst()), bob).username().orElseThrow());
    }

    @Test
    void aReloadedPasswordFileTakesEffectForTheNextExchange() throws Exception {
        AtomicReference<PasswordFile> current = new AtomicReference<>(FILE);
        ScramSha256Method reloading = new ScramSha256Method(current::get, SECRET);
        ScramTestClient carol = new ScramTestClient("carol", "new pw", "nonce");
        assertFails(run(reloading.start("c", carol.clientFirst()), carol));

        current.set(PasswordFileParser.parse(scram("carol", "new pw", 4096) + "\n"));

        assertEquals("carol", run(reloading.start("c", carol.clientFirst()), carol).username().orElseThrow());
        // With one SCRAM user at 4096 iterations, decoys now claim 4096 as well.
        AuthStep decoy = reloading.start("c", new ScramTestClient("dave", "x", "n").clientFirst()).firstStep();
        assertEquals("4096", ScramTestClient.attributes(decoy.serverData().orElseThrow()).get("i"));
    }

    @Test
    void withoutAnySCRAMUserDecoysClaimRfc7677sIterationCount() {
        PasswordFile none = PasswordFileParser.parse("");
        AuthStep first = new ScramSha256Method(() -> none, SECRET)
                .start("c", new ScramTestClient("alice", "x", "n").clientFirst()).firstStep();
        assertEquals("4096", ScramTestClient.attributes(first.serverData().orElseThrow()).get("i"));
        assertEquals(16, Base64.getDecoder().decode(
                ScramTestClient.attributes(first.serverData().orElseThrow()).get("s")).length);
    }

    @Test
    void serverDataIsACopy() {
        AuthStep first = method.start("c", new ScramTestClient("alice", "x", "n").clientFirst()).firstStep();
        byte[] data = first.serverData().orElseThrow();
        Arrays.fill(data, (byte) 0);
        assertArrayEquals(utf8(text(first)), first.serverData().orElseThrow());
        assertTrue(text(first).startsWith("r=n"));
    }

    /** Answers the server-first message honestly and returns the server's last step. */
    private static AuthStep run(EnhancedAuthExchange exchange, ScramTestClient client) throws Exception {
        assertContinues(exchange.firstStep());
        return exchange.step(client.clientFinal(exchange.firstStep().serverData().orElseThrow()));
    }
}
