package io.culex.application.security.password;

/** What a password-file entry keeps in place of the password, in one of the formats {@link HashAlgorithm} names. */
sealed interface StoredPassword permits MosquittoDigest, ScramCredentials {

    /** True when {@code password} is the one this was made from; compares in constant time. */
    boolean matches(String password);

    /** The text after {@code user:}. */
    String encode();

    /** Key-derivation rounds; 1 for a format without a count. */
    int iterations();
}
