package io.culex.application.security.password;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The usable entries of a parsed password file, plus what was wrong with the other lines. */
public final class PasswordFile {

    private final Map<String, PasswordEntry> byUsername;
    private final List<PasswordFileProblem> problems;

    PasswordFile(Map<String, PasswordEntry> byUsername, List<PasswordFileProblem> problems) {
        this.byUsername = Collections.unmodifiableMap(new LinkedHashMap<>(byUsername));
        this.problems = List.copyOf(problems);
    }

    /** One entry per user, in order of first appearance; a repeated user keeps its last line, as Mosquitto does. */
    public List<PasswordEntry> entries() {
        return List.copyOf(byUsername.values());
    }

    public Optional<PasswordEntry> entry(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    /** True only when {@code username} has a usable entry and {@code password} hashes to it. */
    public boolean verify(String username, String password) {
        PasswordEntry entry = byUsername.get(username);
        return entry != null && entry.hash().matches(password);
    }

    /**
     * The SCRAM-SHA-256 keys of {@code username}: empty when the user is unknown, or when its entry is a Mosquitto
     * hash, which cannot serve SCRAM.
     */
    public Optional<ScramCredentials> scramCredentials(String username) {
        PasswordEntry entry = byUsername.get(username);
        return entry == null ? Optional.empty() : entry.hash().scramCredentials();
    }

    /** In line order. */
    public List<PasswordFileProblem> problems() {
        return problems;
    }
}
