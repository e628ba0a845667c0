package io.culex.application.security.password;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * A hash in the text form Mosquitto 2.0 reads and mosquitto_passwd writes:
 * {@code $6$<base64 salt>$<base64 digest>} or {@code $7$<iterations>$<base64 salt>$<base64 digest>},
 * standard Base64 with padding, a 12-byte salt and a 64-byte digest.
 */
final class MosquittoDigest implements StoredPassword {

    private final HashAlgorithm algorithm;
    private final int iterations;
    private final byte[] salt;
    private final byte[] digest;

    MosquittoDigest(HashAlgorithm algorithm, int iterations, byte[] salt, byte[] digest) {
        this.algorithm = algorithm;
        this.iterations = algorithm == HashAlgorithm.SHA512 ? 1 : iterations;
        this.salt = salt.clone();
        this.digest = digest.clone();
    }

    static MosquittoDigest hash(String password, HashAlgorithm algorithm, byte[] salt, int iterations) {
        return new MosquittoDigest(algorithm, iterations, salt, Digests.compute(algorithm, password, salt, iterations));
    }

    /** @param fields the {@code $}-separated fields, the type first */
    static MosquittoDigest decode(HashAlgorithm algorithm, String[] fields) throws InvalidPasswordHashException {
        int expectedFields = algorithm == HashAlgorithm.SHA512 ? 2 : 3;
        HashFields.expectFields(fields, expectedFields, algorithm);
        int iterations = algorithm == HashAlgorithm.SHA512 ? 1
                : HashFields.iterations(fields[1], algorithm.minimumIterations(), algorithm.optionName());
        byte[] salt = HashFields.base64(fields[expectedFields - 1], "salt");
        byte[] digest = HashFields.base64(fields[expectedFields], "hash");
        if (salt.length != PasswordHash.SALT_LENGTH) {
            throw new InvalidPasswordHashException(
                    "salt is " + salt.length + " bytes, expected " + PasswordHash.SALT_LENGTH);
        }
        if (digest.length != Digests.LENGTH) {
            throw new InvalidPasswordHashException("hash is " + digest.length + " bytes, expected " + Digests.LENGTH);
        }
        return new MosquittoDigest(algorithm, iterations, salt, digest);
    }

    @Override
    public boolean matches(String password) {
        return MessageDigest.isEqual(digest, Digests.compute(algorithm, password, salt, iterations));
    }

    /** Exactly as mosquitto_passwd would write it. */
    @Override
    public String encode() {
        Base64.Encoder base64 = Base64.getEncoder();
        String prefix = "$" + algorithm.id() + "$";
        if (algorithm == HashAlgorithm.SHA512) {
            return prefix + base64.encodeToString(salt) + "$" + base64.encodeToString(digest);
        }
        return prefix + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(digest);
    }

    @Override
    public int iterations() {
        return iterations;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MosquittoDigest that && algorithm == that.algorithm && iterations == that.iterations
                && Arrays.equals(salt, that.salt) && Arrays.equals(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(digest);
    }
}
