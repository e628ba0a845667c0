package io.culex.application.security.password;

import java.security.SecureRandom;
import java.util.Objects;

/** Makes new hashes the way mosquitto_passwd does: a fresh random 12-byte salt per password. */
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
     * @param iterations PBKDF2 rounds, at least 1; ignored for {@link HashAlgorithm#SHA512}
     */
    public PasswordHash hash(String password, HashAlgorithm algorithm, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1: " + iterations);
        }
        byte[] salt = new byte[PasswordHash.SALT_LENGTH];
        random.nextBytes(salt);
        return new PasswordHash(algorithm, iterations, salt, Digests.compute(algorithm, password, salt, iterations));
    }
}
