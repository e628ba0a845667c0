package io.culex.application.security.password;

import java.util.Objects;

/** A line of a password file that grants nothing (or overrides an earlier one), and why; {@code line} counts from 1. */
public record PasswordFileProblem(int line, String message) {

    public PasswordFileProblem {
        Objects.requireNonNull(message);
    }

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
