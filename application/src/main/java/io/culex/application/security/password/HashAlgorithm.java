package io.culex.application.security.password;

import java.util.Optional;

/**
 * The password hashes a password file may hold, with the {@code $<id>$} prefix written for each: the two
 * Mosquitto 2.0 understands, and Culex's own SCRAM-SHA-256 entry, which Mosquitto refuses.
 */
public enum HashAlgorithm {

    /** {@code $6$<salt>$<hash>}: one SHA-512 of password then salt; mosquitto_passwd's default until 1.6. */
    SHA512("6", "sha512", 1, 101),

    /** {@code $7$<iterations>$<salt>$<hash>}: PBKDF2-HMAC-SHA512; mosquitto_passwd's default since 2.0. */
    SHA512_PBKDF2("7", "sha512-pbkdf2", 1, 101),

    /**
     * {@code $scram-sha-256$<iterations>$<salt>$<StoredKey>$<ServerKey>}: Culex only. Serves MQTT 5 enhanced
     * authentication with SCRAM-SHA-256 and plain CONNECT passwords alike; see {@link ScramCredentials}.
     */
    SCRAM_SHA256("scram-sha-256", "scram-sha-256", ScramCredentials.MINIMUM_ITERATIONS,
            ScramCredentials.MINIMUM_ITERATIONS);

    private final String id;
    private final String optionName;
    private final int minimumIterations;
    private final int defaultIterations;

    HashAlgorithm(String id, String optionName, int minimumIterations, int defaultIterations) {
        this.id = id;
        this.optionName = optionName;
        this.minimumIterations = minimumIterations;
        this.defaultIterations = defaultIterations;
    }

    /** The identifier between the first two {@code $} of an encoded hash. */
    public String id() {
        return id;
    }

    /** The name the {@code -H} option of mosquitto_passwd and culex passwd takes. */
    public String optionName() {
        return optionName;
    }

    /** The fewest rounds an entry may have; a file line with fewer is refused. */
    public int minimumIterations() {
        return minimumIterations;
    }

    /** The rounds culex passwd uses without {@code -I}: mosquitto_passwd's 101, or RFC 7677's 4096 for SCRAM. */
    public int defaultIterations() {
        return defaultIterations;
    }

    public static Optional<HashAlgorithm> byId(String id) {
        for (HashAlgorithm algorithm : values()) {
            if (algorithm.id.equals(id)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    public static Optional<HashAlgorithm> byOptionName(String name) {
        for (HashAlgorithm algorithm : values()) {
            if (algorithm.optionName.equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
