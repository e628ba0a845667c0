package io.culex.application.security.password;

import java.util.Base64;

/** Decodes the {@code $}-separated fields every stored hash format shares: an iteration count and Base64 bytes. */
final class HashFields {

    private HashFields() {
    }

    /** A decimal count of at least {@code minimum}; {@code what} names the format in the message. */
    static int iterations(String field, int minimum, String what) throws InvalidPasswordHashException {
        if (field.isEmpty() || !field.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidPasswordHashException("iteration count '" + field + "' is not a number");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw new InvalidPasswordHashException("iteration count '" + field + "' is too large");
        }
        if (iterations < minimum) {
            throw new InvalidPasswordHashException("iteration count must be at least " + minimum
                    + (minimum > 1 ? " for " + what : ""));
        }
        return iterations;
    }

    /** Standard Base64, padding optional as the JDK allows. */
    static byte[] base64(String field, String what) throws InvalidPasswordHashException {
        try {
            return Base64.getDecoder().decode(field);
        } catch (IllegalArgumentException e) {
            throw new InvalidPasswordHashException(what + " is not valid Base64");
        }
    }

    /** The count check of a format with {@code expected} fields after its {@code $<id>$}. */
    static void expectFields(String[] fields, int expected, HashAlgorithm algorithm)
            throws InvalidPasswordHashException {
        if (fields.length != expected + 1) {
            throw new InvalidPasswordHashException("malformed $" + algorithm.id() + "$ hash: expected "
                    + expected + " fields after the type, found " + (fields.length - 1));
        }
    }
}
