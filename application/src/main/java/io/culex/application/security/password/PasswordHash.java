package io.culex.application.security.password;

import java.util.Objects;
import java.util.Optional;

/**
 * One stored password hash in its text form: Mosquitto 2.0's {@code $6$}/{@code $7$} (see {@link HashAlgorithm})
 * or Culex's {@code $scram-sha-256$} (see {@link ScramCredentials}).
 */
public final class PasswordHash {

    /** The salt length of Mosquitto's formats: its broker drops any entry whose salt is not exactly this long. */
    public static final int SALT_LENGTH = 12;

    private final HashAlgorithm algorithm;
    private final StoredPassword stored;

    PasswordHash(HashAlgorithm algorithm, StoredPassword stored) {
        this.algorithm = Objects.requireNonNull(algorithm);
        this.stored = Objects.requireNonNull(stored);
    }

    /** Parses the part after {@code user:}. */
    public static PasswordHash decode(String encoded) throws InvalidPasswordHashException {
        if (!encoded.startsWith("$")) {
            throw new InvalidPasswordHashException("not a password hash (plain text? run 'culex passwd -U')");
        }
        String[] fields = encoded.substring(1).split("\\$", -1);
        HashAlgorithm algorithm = HashAlgorithm.byId(fields[0]).orElseThrow(
                () -> new InvalidPasswordHashException("unsupported hash type '$" + fields[0] + "$'"));
        StoredPassword stored = algorithm == HashAlgorithm.SCRAM_SHA256
                ? ScramCredentials.decode(fields)
                : MosquittoDigest.decode(algorithm, fields);
        return new PasswordHash(algorithm, stored);
    }

    /** Hashes {@code password} with this entry's algorithm, salt and iterations; compares in constant time. */
    public boolean matches(String password) {
        return stored.matches(password);
    }

    /** The text form, exactly as mosquitto_passwd (or culex passwd, for SCRAM) would write it. */
    public String encode() {
        return stored.encode();
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** Key-derivation rounds; 1 for {@link HashAlgorithm#SHA512}, which has no count. */
    public int iterations() {
        return stored.iterations();
    }

    /** Present for a {@link HashAlgorithm#SCRAM_SHA256} entry only. */
    Optional<ScramCredentials> scramCredentials() {
        return stored instanceof ScramCredentials scram ? Optional.of(scram) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordHash that && algorithm == that.algorithm && stored.equals(that.stored);
    }

    @Override
    public int hashCode() {
        return stored.hashCode();
    }

    @Override
    public String toString() {
        return encode();
    }
}
