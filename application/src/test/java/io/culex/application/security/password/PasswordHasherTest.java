package io.culex.application.security.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void pbkdf2HashHasMosquittoPasswdsShape() throws Exception {
        String encoded = hasher.hash("secret", HashAlgorithm.SHA512_PBKDF2, PasswordHasher.DEFAULT_ITERATIONS).encode();
        // 12-byte salt = 16 Base64 characters, 64-byte digest = 86 characters plus "==".
        assertTrue(encoded.matches("\\$7\\$101\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}=="), encoded);
        assertTrue(PasswordHash.decode(encoded).matches("secret"));
        assertFalse(PasswordHash.decode(encoded).matches("Secret"));
    }

    @Test
    void sha512HashHasMosquittoPasswdsShape() throws Exception {
        String encoded = hasher.hash("secret", HashAlgorithm.SHA512, PasswordHasher.DEFAULT_ITERATIONS).encode();
        assertTrue(encoded.matches("\\$6\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}=="), encoded);
        assertTrue(PasswordHash.decode(encoded).matches("secret"));
    }

    @Test
    void iterationsAreRecordedAndUsed() throws Exception {
        PasswordHash hash = hasher.hash("pw", HashAlgorithm.SHA512_PBKDF2, 7);
        assertTrue(hash.encode().startsWith("$7$7$"), hash::encode);
        assertTrue(PasswordHash.decode(hash.encode()).matches("pw"));
        // The same salt and digest claimed with another count no longer verifies.
        assertFalse(PasswordHash.decode(hash.encode().replaceFirst("^\\$7\\$7\\$", "\\$7\\$8\\$")).matches("pw"));
    }

    @Test
    void everyHashGetsItsOwnSalt() {
        PasswordHash first = hasher.hash("same", HashAlgorithm.SHA512_PBKDF2, 101);
        PasswordHash second = hasher.hash("same", HashAlgorithm.SHA512_PBKDF2, 101);
        assertNotEquals(first.encode().split("\\$")[3], second.encode().split("\\$")[3]);
        assertTrue(first.matches("same"));
        assertTrue(second.matches("same"));
    }

    @Test
    void refusesANonPositiveIterationCount() {
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("pw", HashAlgorithm.SHA512_PBKDF2, 0));
    }

    @Test
    void scramHashHasCulexsShapeAndVerifies() throws Exception {
        String encoded = hasher.hash("secret", HashAlgorithm.SCRAM_SHA256, 4096).encode();
        // 16-byte salt = 24 Base64 characters, 32-byte keys = 43 characters plus "=".
        assertTrue(encoded.matches(
                "\\$scram-sha-256\\$4096\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=\\$[A-Za-z0-9+/]{43}="), encoded);
        assertTrue(PasswordHash.decode(encoded).matches("secret"));
        assertFalse(PasswordHash.decode(encoded).matches("Secret"));
        assertEquals(HashAlgorithm.SCRAM_SHA256, HashAlgorithm.byOptionName("scram-sha-256").orElseThrow());
    }

    @Test
    void scramRefusesFewerThan4096Iterations() {
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("pw", HashAlgorithm.SCRAM_SHA256, 4095));
        assertEquals(4096, HashAlgorithm.SCRAM_SHA256.defaultIterations());
        assertEquals(PasswordHasher.DEFAULT_ITERATIONS, HashAlgorithm.SHA512_PBKDF2.defaultIterations());
    }

    @Test
    void algorithmsAreNamedAsMosquittoPasswdsDashH() {
        assertEquals(HashAlgorithm.SHA512, HashAlgorithm.byOptionName("sha512").orElseThrow());
        assertEquals(HashAlgorithm.SHA512_PBKDF2, HashAlgorithm.byOptionName("sha512-pbkdf2").orElseThrow());
        assertTrue(HashAlgorithm.byOptionName("md5").isEmpty());
    }
}
