package io.culex.application.security.acl;

import java.util.Objects;

/** Something wrong (or worth a warning) on one line of an ACL file; {@code line} counts from 1. */
public record AclFileProblem(int line, String message) {

    public AclFileProblem {
        Objects.requireNonNull(message);
    }

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
