package io.culex.application.security.password;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a SCRAM-SHA-256 server keeps for a user (RFC 5802 section 3, RFC 7677): salt, iteration count, StoredKey
 * and ServerKey. Culex's password-file form is
 * {@code $scram-sha-256$<iterations>$<base64 salt>$<base64 StoredKey>$<base64 ServerKey>}.
 *
 * <p>The keys never leave this class: a SCRAM exchange asks it to {@linkplain #verifiesProof check a client proof}
 * and to {@linkplain #serverSignature sign}; salt and iterations are public because the protocol sends them.
 * The same entry verifies a plain CONNECT password by deriving StoredKey from it. The password is used as its
 * UTF-8 bytes, without SASLprep (which leaves ASCII passwords unchanged).
 */
public final class ScramCredentials implements StoredPassword {

    /** RFC 7677: the iteration count SHOULD be at least 4096. */
    public static final int MINIMUM_ITERATIONS = 4096;
    /** The length of the salt culex passwd writes; shorter salts are refused. */
    public static final int SALT_LENGTH = 16;
    /** SHA-256's output size: StoredKey, ServerKey and the client proof are this long. */
    public static final int KEY_LENGTH = 32;

    private static final String HMAC = "HmacSHA256";

    private final byte[] salt;
    private final int iterations;
    private final byte[] storedKey;
    private final byte[] serverKey;

    private ScramCredentials(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
        if (salt.length < SALT_LENGTH || iterations < MINIMUM_ITERATIONS || storedKey.length != KEY_LENGTH
                || serverKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("SCRAM-SHA-256 needs a salt of at least " + SALT_LENGTH
                    + " bytes, at least " + MINIMUM_ITERATIONS + " iterations and " + KEY_LENGTH + "-byte keys");
        }
        this.salt = salt.clone();
        this.iterations = iterations;
        this.storedKey = storedKey.clone();
        this.serverKey = serverKey.clone();
    }

    /** Keys computed elsewhere (another server's export, or a decoy for an unknown user). */
    public static ScramCredentials fromKeys(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
        return new ScramCredentials(salt, iterations, storedKey, serverKey);
    }

    /** RFC 5802: SaltedPassword = Hi(password, salt, i); StoredKey = H(HMAC(SaltedPassword, "Client Key")). */
    public static ScramCredentials derive(String password, byte[] salt, int iterations) {
        Objects.requireNonNull(password);
        if (iterations < MINIMUM_ITERATIONS) {
            throw new IllegalArgumentException("SCRAM-SHA-256 needs at least " + MINIMUM_ITERATIONS + " iterations");
        }
        byte[] saltedPassword = saltedPassword(password, salt, iterations);
        try {
            return new ScramCredentials(salt, iterations, sha256(hmac(saltedPassword, "Client Key")),
                    hmac(saltedPassword, "Server Key"));
        } finally {
            Arrays.fill(saltedPassword, (byte) 0);
        }
    }

    /** @param fields the {@code $}-separated fields, the type first */
    static ScramCredentials decode(String[] fields) throws InvalidPasswordHashException {
        HashAlgorithm algorithm = HashAlgorithm.SCRAM_SHA256;
        HashFields.expectFields(fields, 4, algorithm);
        int iterations = HashFields.iterations(fields[1], MINIMUM_ITERATIONS, "SCRAM-SHA-256");
        byte[] salt = HashFields.base64(fields[2], "salt");
        byte[] storedKey = HashFields.base64(fields[3], "StoredKey");
        byte[] serverKey = HashFields.base64(fields[4], "ServerKey");
        if (salt.length < SALT_LENGTH) {
            throw new InvalidPasswordHashException(
                    "salt is " + salt.length + " bytes, expected at least " + SALT_LENGTH);
        }
        checkKeyLength(storedKey, "StoredKey");
        checkKeyLength(serverKey, "ServerKey");
        return new ScramCredentials(salt, iterations, storedKey, serverKey);
    }

    private static void checkKeyLength(byte[] key, String name) throws InvalidPasswordHashException {
        if (key.length != KEY_LENGTH) {
            throw new InvalidPasswordHashException(name + " is " + key.length + " bytes, expected " + KEY_LENGTH);
        }
    }

    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public int iterations() {
        return iterations;
    }

    /**
     * RFC 5802 section 3: ClientKey = ClientProof XOR HMAC(StoredKey, AuthMessage), and H(ClientKey) must be
     * StoredKey. The last comparison takes the same time wherever the bytes differ.
     */
    public boolean verifiesProof(byte[] authMessage, byte[] clientProof) {
        if (clientProof.length != KEY_LENGTH) {
            return false;
        }
        byte[] clientKey = hmac(storedKey, authMessage);
        for (int i = 0; i < KEY_LENGTH; i++) {
            clientKey[i] ^= clientProof[i];
        }
        return MessageDigest.isEqual(storedKey, sha256(clientKey));
    }

    /** HMAC(ServerKey, AuthMessage): proves to the client that the server knows its keys. */
    public byte[] serverSignature(byte[] authMessage) {
        return hmac(serverKey, authMessage);
    }

    /** A plain CONNECT password against this entry: derives StoredKey from it and compares in constant time. */
    @Override
    public boolean matches(String password) {
        byte[] saltedPassword = saltedPassword(password, salt, iterations);
        try {
            return MessageDigest.isEqual(storedKey, sha256(hmac(saltedPassword, "Client Key")));
        } finally {
            Arrays.fill(saltedPassword, (byte) 0);
        }
    }

    @Override
    public String encode() {
        Base64.Encoder base64 = Base64.getEncoder();
        return "$" + HashAlgorithm.SCRAM_SHA256.id() + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(storedKey) + "$" + base64.encodeToString(serverKey);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScramCredentials that && iterations == that.iterations
                && Arrays.equals(salt, that.salt) && Arrays.equals(storedKey, that.storedKey)
                && Arrays.equals(serverKey, that.serverKey);
    }

    @Override
    public int hashCode() {
        return 31 * iterations + Arrays.hashCode(storedKey);
    }

    /** Without the keys, so a log line cannot leak them. */
    @Override
    public String toString() {
        return "ScramCredentials[SCRAM-SHA-256, " + iterations + " iterations]";
    }

    /** Hi() of RFC 5802 is PBKDF2 with HMAC-SHA-256 and one output block; the JDK feeds it the UTF-8 bytes. */
    private static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, KEY_LENGTH * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    private static byte[] hmac(byte[] key, String text) {
        return hmac(key, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every Java SE runtime.
            throw new IllegalStateException("JDK lacks " + HMAC, e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks SHA-256", e);
        }
    }
}
