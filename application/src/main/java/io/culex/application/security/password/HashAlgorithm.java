package io.culex.application.security.password;

import java.util.Optional;

/** The password hashes Mosquitto 2.0 understands, with the {@code $<id>$} prefix it writes for each. */
public enum HashAlgorithm {

    /** {@code $6$<salt>$<hash>}: one SHA-512 of password then salt; mosquitto_passwd's default until 1.6. */
    SHA512("6", "sha512"),

    /** {@code $7$<iterations>$<salt>$<hash>}: PBKDF2-HMAC-SHA512; mosquitto_passwd's default since 2.0. */
    SHA512_PBKDF2("7", "sha512-pbkdf2");

    private final String id;
    private final String optionName;

    HashAlgorithm(String id, String optionName) {
        this.id = id;
        this.optionName = optionName;
    }

    /** The identifier between the first two {@code $} of an encoded hash. */
    public String id() {
        return id;
    }

    /** The name mosquitto_passwd's {@code -H} option takes. */
    public String optionName() {
        return optionName;
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
