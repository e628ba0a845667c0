package io.culex.application.security.enhanced;

import io.culex.application.security.password.HashAlgorithm;
import io.culex.application.security.password.PasswordEntry;
import io.culex.application.security.password.PasswordFile;
import io.culex.application.security.password.ScramCredentials;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The password file as SCRAM sees it: a user's real credentials, or for anyone else (unknown, or with a
 * Mosquitto hash) decoy credentials of the same shape, using the iteration count most SCRAM users have, so the
 * server-first message does not give them away either. Thread-safe.
 */
final class ScramUsers {

    /** One SCRAM user as the exchange uses it; {@code refusal} is present when the credentials are a decoy. */
    record Lookup(ScramCredentials credentials, Optional<String> refusal) {
    }

    private record Snapshot(PasswordFile file, int decoyIterations) {
    }

    private final Supplier<PasswordFile> passwords;
    private final DecoyCredentials decoys;
    private volatile Snapshot snapshot;

    ScramUsers(Supplier<PasswordFile> passwords, DecoyCredentials decoys) {
        this.passwords = Objects.requireNonNull(passwords);
        this.decoys = Objects.requireNonNull(decoys);
    }

    Lookup find(String username) {
        Snapshot current = current();
        // The decoy is made for real users too, so a lookup costs the same whoever asks.
        ScramCredentials decoy = decoys.forUser(username, current.decoyIterations());
        Optional<ScramCredentials> real = current.file().scramCredentials(username);
        if (real.isPresent()) {
            return new Lookup(real.get(), Optional.empty());
        }
        String refusal = current.file().entry(username).isPresent()
                ? "user's password file entry is not " + HashAlgorithm.SCRAM_SHA256.id()
                        + " (rewrite it with culex passwd -H scram-sha-256)"
                : "unknown user";
        return new Lookup(decoy, Optional.of(refusal));
    }

    /** The file changes only by replacement (SIGHUP), so a snapshot is valid as long as the supplier returns it. */
    private Snapshot current() {
        PasswordFile file = passwords.get();
        Snapshot current = snapshot;
        if (current == null || current.file() != file) {
            current = new Snapshot(file, commonIterations(file));
            snapshot = current;
        }
        return current;
    }

    private static int commonIterations(PasswordFile file) {
        Map<Integer, Integer> users = new HashMap<>();
        for (PasswordEntry entry : file.entries()) {
            if (entry.hash().algorithm() == HashAlgorithm.SCRAM_SHA256) {
                users.merge(entry.hash().iterations(), 1, Integer::sum);
            }
        }
        int best = HashAlgorithm.SCRAM_SHA256.defaultIterations();
        int bestUsers = 0;
        for (Map.Entry<Integer, Integer> count : users.entrySet()) {
            if (count.getValue() > bestUsers || count.getValue() == bestUsers && count.getKey() < best) {
                best = count.getKey();
                bestUsers = count.getValue();
            }
        }
        return best;
    }
}
