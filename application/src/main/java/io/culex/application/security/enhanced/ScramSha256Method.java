package io.culex.application.security.enhanced;

import io.culex.application.security.password.PasswordFile;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * SCRAM-SHA-256 (RFC 7677) as an MQTT 5 Authentication Method, checking users against the
 * {@code $scram-sha-256$} entries of a password file. Without channel binding. Thread-safe.
 */
public final class ScramSha256Method implements EnhancedAuthMethod {

    public static final String NAME = "SCRAM-SHA-256";

    /** 18 random bytes: 144 bits, 24 Base64 characters (none of them a comma). */
    private static final int SERVER_NONCE_BYTES = 18;

    private final ScramUsers users;
    private final Supplier<String> serverNonces;

    /** With a fresh random decoy secret: unknown users get other fake salts after a restart. */
    public ScramSha256Method(Supplier<PasswordFile> passwords) {
        this(passwords, randomSecret());
    }

    /**
     * @param decoySecret at least 16 bytes; keyed into the fake salts of unknown users, so keeping it across
     *                    restarts keeps those salts stable as real ones are
     */
    public ScramSha256Method(Supplier<PasswordFile> passwords, byte[] decoySecret) {
        this(passwords, decoySecret, randomNonces(new SecureRandom()));
    }

    /** With fixed server nonces, for the RFC 7677 test vector. */
    ScramSha256Method(Supplier<PasswordFile> passwords, byte[] decoySecret, Supplier<String> serverNonces) {
        this.users = new ScramUsers(passwords, new DecoyCredentials(decoySecret));
        this.serverNonces = Objects.requireNonNull(serverNonces);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EnhancedAuthExchange start(String clientId, byte[] initialData) {
        return new ScramExchange(initialData, users, serverNonces.get(), Optional.empty());
    }

    /** Refuses at the client-first message when it names another user than {@code username}. */
    @Override
    public EnhancedAuthExchange reauthenticate(String clientId, String username, byte[] initialData) {
        return new ScramExchange(initialData, users, serverNonces.get(), Optional.of(username));
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    private static Supplier<String> randomNonces(SecureRandom random) {
        return () -> {
            byte[] nonce = new byte[SERVER_NONCE_BYTES];
            random.nextBytes(nonce);
            return Base64.getEncoder().encodeToString(nonce);
        };
    }
}
