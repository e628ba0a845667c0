package io.culex.application.security.password;

import java.util.Objects;

/** A {@code user:hash} line of a password file; {@code line} counts from 1. */
public record PasswordEntry(int line, String username, PasswordHash hash) {

    public PasswordEntry {
        Objects.requireNonNull(username);
        Objects.requireNonNull(hash);
    }
}
