package io.culex.application.security.password;

import java.security.SecureRandom;
import java.util.Objects;

/** Makes new hashes the way mosquitto_passwd does: a fresh random salt per password. */
public final class PasswordHasher {

    /** mosquitto_passwd 2.0's default PBKDF2 iteration count. */
    public static final int DEFAULT_ITERATIONS = 101;

    private final SecureRandom random;

    public PasswordHasher() {
        this(new SecureRandom());
    }

    public PasswordHasher(SecureRandom random) {
        this.random = Objects.requireNonNull(random);
    }

    /**
     * @param iterations rounds, at least {@link HashAlgorithm#minimumIterations()}; ignored for
     *                   {@link HashAlgorithm#SHA512}
     */
    public PasswordHash hash(String password, HashAlgorithm algorithm, int iterations) {
        if (iterations < algorithm.minimumIterations()) {
            throw new IllegalArgumentException(
                    algorithm.optionName() + " needs at least " + algorithm.minimumIterations() + " iterations: "
                            + iterations);
        }
        if (algorithm == HashAlgorithm.SCRAM_SHA256) {
            return new PasswordHash(algorithm,
                    ScramCredentials.derive(password, salt(ScramCredentials.SALT_LENGTH), iterations));
        }
        return new PasswordHash(algorithm,
                MosquittoDigest.hash(password, algorithm, salt(PasswordHash.SALT_LENGTH), iterations));
    }

    private byte[] salt(int length) {
        byte[] salt = new byte[length];
        random.nextBytes(salt);
        return salt;
    }
}
