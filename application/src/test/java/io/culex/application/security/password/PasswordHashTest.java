package io.culex.application.security.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fixed vectors written by Debian's mosquitto_passwd 2.0.11 ({@code mosquitto_passwd -b file user password},
 * with {@code -H sha512} or {@code -I 1000} where noted), so these run without the binary installed.
 */
class PasswordHashTest {

    /** {@code mosquitto_passwd -c -b f pbkdf2user 'Sécret pässwörd'} (non-ASCII: proves the UTF-8 encoding). */
    static final String PBKDF2_NON_ASCII = "$7$101$4AjTBzpprTlHXvkl$YpoKPgtXLMtZtiDgKdXxuE8wNQsKfCeyejijJcnesclc"
            + "As/8zpJsvWrPn2tgExrx+/XVnNmD1RqzRZZOcg6JIw==";
    /** {@code mosquitto_passwd -H sha512 -b f sha512user 'colon:in $pass'}. */
    static final String SHA512_COLON = "$6$Z8dLHGfEp26hZVzu$twSZhgVDBMAGy7NmpU6T9zLwXtBBBqxvdcBWVKLT7m6gv/kL3hMz"
            + "aaavyb2eU8aV5wM91ZaTjI/Pght6JiremQ==";
    /** {@code mosquitto_passwd -I 1000 -b f iteruser x}. */
    static final String PBKDF2_1000 = "$7$1000$8y+SX9cS1yKePUE4$rgr5chEZKb9Dj0ZnKiWvy1aoqmBGmmBzWBEBfIh/Pi/P+UvX"
            + "tHkgo/+h0Uiltv1xxvP0zLBY1QJW1L2CF8cfhw==";
    /** {@code mosquitto_passwd -c -b f u ''}: an empty password is legal in batch mode. */
    static final String PBKDF2_EMPTY = "$7$101$TS1uTWVntH3hWYxo$PrL1EuveXjFPoycFbvZLm7HWLeDFP2N/fPLS3co2gvJA73l/"
            + "uILf8i5+7XRVNDpOwdzA3qdkNMQeHvZr+8s+9w==";

    @Test
    void pbkdf2VectorFromMosquittoPasswdVerifies() throws Exception {
        PasswordHash hash = PasswordHash.decode(PBKDF2_NON_ASCII);
        assertEquals(HashAlgorithm.SHA512_PBKDF2, hash.algorithm());
        assertEquals(101, hash.iterations());
        assertTrue(hash.matches("Sécret pässwörd"));
        assertFalse(hash.matches("Secret passwort"));
        assertFalse(hash.matches("Sécret pässwörd "));
    }

    @Test
    void sha512VectorFromMosquittoPasswdVerifies() throws Exception {
        PasswordHash hash = PasswordHash.decode(SHA512_COLON);
        assertEquals(HashAlgorithm.SHA512, hash.algorithm());
        assertTrue(hash.matches("colon:in $pass"));
        assertFalse(hash.matches("colon:in $pas"));
    }

    @Test
    void iterationCountIsTakenFromTheHash() throws Exception {
        PasswordHash hash = PasswordHash.decode(PBKDF2_1000);
        assertEquals(1000, hash.iterations());
        assertTrue(hash.matches("x"));
        assertFalse(hash.matches("y"));
    }

    @Test
    void emptyPasswordVectorVerifies() throws Exception {
        PasswordHash hash = PasswordHash.decode(PBKDF2_EMPTY);
        assertTrue(hash.matches(""));
        assertFalse(hash.matches(" "));
    }

    @ParameterizedTest
    @CsvSource({"PBKDF2_NON_ASCII", "SHA512_COLON", "PBKDF2_1000", "PBKDF2_EMPTY"})
    void encodeGivesBackTheTextMosquittoWrote(String vector) throws Exception {
        String text = (String) PasswordHashTest.class.getDeclaredField(vector).get(null);
        assertEquals(text, PasswordHash.decode(text).encode());
    }

    private static final String SALT16 = "W22ZaJ0SNY7soEsUEjb6gQ==";
    private static final String KEY32 = "WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=";

    @Test
    void scramEntryVerifiesPlainPasswordsAndKeepsItsText() throws Exception {
        PasswordHash hash = PasswordHash.decode(ScramCredentialsTest.RFC7677_PENCIL);
        assertEquals(HashAlgorithm.SCRAM_SHA256, hash.algorithm());
        assertEquals(4096, hash.iterations());
        assertTrue(hash.matches("pencil"));
        assertFalse(hash.matches("pencil "));
        assertEquals(ScramCredentialsTest.RFC7677_PENCIL, hash.encode());
        assertTrue(hash.scramCredentials().isPresent());
        assertTrue(PasswordHash.decode(PBKDF2_1000).scramCredentials().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "$scram-sha-256$4096$%1$s$%2$s | expected 4 fields after the type, found 3",
        "$scram-sha-256$4096$%1$s$%2$s$%2$s$%2$s | expected 4 fields after the type, found 5",
        "$scram-sha-256$4095$%1$s$%2$s$%2$s | iteration count must be at least 4096 for SCRAM-SHA-256",
        "$scram-sha-256$i$%1$s$%2$s$%2$s | iteration count 'i' is not a number",
        "$scram-sha-256$4096$4AjTBzpprTlHXvkl$%2$s$%2$s | salt is 12 bytes, expected at least 16",
        "$scram-sha-256$4096$%1$s$aGFzaA==$%2$s | StoredKey is 4 bytes, expected 32",
        "$scram-sha-256$4096$%1$s$%2$s$aGFzaA== | ServerKey is 4 bytes, expected 32",
        "$scram-sha-256$4096$%1$s$%2$s$not*base64 | ServerKey is not valid Base64",
        "$scram-sha-256$4096$%1$s$-%2$s$%2$s | StoredKey is not valid Base64",
        "$SCRAM-SHA-256$4096$%1$s$%2$s$%2$s | unsupported hash type '$SCRAM-SHA-256$'",
    })
    void refusesMalformedScramEntries(String template, String reason) {
        String encoded = String.format(template, SALT16, KEY32);
        InvalidPasswordHashException e = assertThrows(InvalidPasswordHashException.class,
                () -> PasswordHash.decode(encoded));
        assertTrue(e.getMessage().contains(reason), e::getMessage);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA | unsupported hash type '$argon2id$'",
        "$5$abc$def | unsupported hash type '$5$'",
        "plaintext | not a password hash",
        "$7$101$4AjTBzpprTlHXvkl | expected 3 fields after the type, found 2",
        "$6$Z8dLHGfEp26hZVzu$aGFzaA==$extra | expected 2 fields after the type, found 3",
        "$7$0$4AjTBzpprTlHXvkl$aGFzaA== | iteration count must be at least 1",
        "$7$1x$4AjTBzpprTlHXvkl$aGFzaA== | iteration count '1x' is not a number",
        "$7$99999999999$4AjTBzpprTlHXvkl$aGFzaA== | too large",
        "$7$101$c2FsdA==$aGFzaA== | salt is 4 bytes, expected 12",
        "$7$101$4AjTBzpprTlHXvkl$aGFzaA== | hash is 4 bytes, expected 64",
        "$7$101$4AjTBzpp*TlHXvkl$aGFzaA== | salt is not valid Base64",
    })
    void refusesWhatTheBrokerWouldDrop(String encoded, String reason) {
        InvalidPasswordHashException e = assertThrows(InvalidPasswordHashException.class,
                () -> PasswordHash.decode(encoded));
        assertTrue(e.getMessage().contains(reason), e::getMessage);
    }
}
