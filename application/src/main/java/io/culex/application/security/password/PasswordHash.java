package io.culex.application.security.password;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * One stored password hash in the text form Mosquitto 2.0 reads and mosquitto_passwd writes:
 * {@code $6$<base64 salt>$<base64 digest>} or {@code $7$<iterations>$<base64 salt>$<base64 digest>},
 * standard Base64 with padding, a 12-byte salt and a 64-byte digest.
 */
public final class PasswordHash {

    /** The broker drops any entry whose salt is not exactly this long, so we refuse it up front. */
    public static final int SALT_LENGTH = 12;

    private final HashAlgorithm algorithm;
    private final int iterations;
    private final byte[] salt;
    private final byte[] digest;

    PasswordHash(HashAlgorithm algorithm, int iterations, byte[] salt, byte[] digest) {
        this.algorithm = algorithm;
        this.iterations = algorithm == HashAlgorithm.SHA512 ? 1 : iterations;
        this.salt = salt.clone();
        this.digest = digest.clone();
    }

    /** Parses the part after {@code user:}. */
    public static PasswordHash decode(String encoded) throws InvalidPasswordHashException {
        if (!encoded.startsWith("$")) {
            throw new InvalidPasswordHashException("not a password hash (plain text? run 'culex passwd -U')");
        }
        String[] fields = encoded.substring(1).split("\\$", -1);
        HashAlgorithm algorithm = HashAlgorithm.byId(fields[0]).orElseThrow(
                () -> new InvalidPasswordHashException("unsupported hash type '$" + fields[0] + "$'"));
        int expectedFields = algorithm == HashAlgorithm.SHA512 ? 3 : 4;
        if (fields.length != expectedFields) {
            throw new InvalidPasswordHashException("malformed $" + algorithm.id() + "$ hash: expected "
                    + (expectedFields - 1) + " fields after the type, found " + (fields.length - 1));
        }
        int iterations = algorithm == HashAlgorithm.SHA512 ? 1 : iterations(fields[1]);
        byte[] salt = base64(fields[expectedFields - 2], "salt");
        byte[] digest = base64(fields[expectedFields - 1], "hash");
        if (salt.length != SALT_LENGTH) {
            throw new InvalidPasswordHashException("salt is " + salt.length + " bytes, expected " + SALT_LENGTH);
        }
        if (digest.length != Digests.LENGTH) {
            throw new InvalidPasswordHashException("hash is " + digest.length + " bytes, expected " + Digests.LENGTH);
        }
        return new PasswordHash(algorithm, iterations, salt, digest);
    }

    private static int iterations(String field) throws InvalidPasswordHashException {
        if (field.isEmpty() || !field.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidPasswordHashException("iteration count '" + field + "' is not a number");
        }
        try {
            int iterations = Integer.parseInt(field);
            if (iterations < 1) {
                throw new InvalidPasswordHashException("iteration count must be at least 1");
            }
            return iterations;
        } catch (NumberFormatException e) {
            throw new InvalidPasswordHashException("iteration count '" + field + "' is too large");
        }
    }

    private static byte[] base64(String field, String what) throws InvalidPasswordHashException {
        try {
            return Base64.getDecoder().decode(field);
        } catch (IllegalArgumentException e) {
            throw new InvalidPasswordHashException(what + " is not valid Base64");
        }
    }

    /** Hashes {@code password} with this entry's algorithm, salt and iterations; compares in constant time. */
    public boolean matches(String password) {
        return MessageDigest.isEqual(digest, Digests.compute(algorithm, password, salt, iterations));
    }

    /** The text form, exactly as mosquitto_passwd would write it. */
    public String encode() {
        Base64.Encoder base64 = Base64.getEncoder();
        String prefix = "$" + algorithm.id() + "$";
        if (algorithm == HashAlgorithm.SHA512) {
            return prefix + base64.encodeToString(salt) + "$" + base64.encodeToString(digest);
        }
        return prefix + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(digest);
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** PBKDF2 rounds; 1 for {@link HashAlgorithm#SHA512}, which has no count. */
    public int iterations() {
        return iterations;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordHash that && algorithm == that.algorithm && iterations == that.iterations
                && Arrays.equals(salt, that.salt) && Arrays.equals(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return encode();
    }
}
