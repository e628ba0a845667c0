package io.culex.application.security.enhanced;

import io.culex.application.security.password.ScramCredentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials for a user SCRAM cannot authenticate, so that the exchange runs as for a real user and fails only
 * at the proof. The salt is HMAC(secret, username): the same on every attempt, like a real user's, and
 * unpredictable without the secret, so asking twice or for two names tells nothing about who exists.
 */
final class DecoyCredentials {

    private static final String HMAC = "HmacSHA256";
    /** Below this a secret could be guessed; 32 bytes is what the broker generates. */
    static final int MINIMUM_SECRET_LENGTH = 16;

    private final byte[] secret;

    DecoyCredentials(byte[] secret) {
        if (secret.length < MINIMUM_SECRET_LENGTH) {
            throw new IllegalArgumentException("decoy secret needs at least " + MINIMUM_SECRET_LENGTH + " bytes");
        }
        this.secret = secret.clone();
    }

    ScramCredentials forUser(String username, int iterations) {
        byte[] salt = Arrays.copyOf(hmac("salt", username), ScramCredentials.SALT_LENGTH);
        // Keys nobody can produce a proof for; derived rather than random so the work matches a real user's.
        return ScramCredentials.fromKeys(salt, iterations, hmac("stored key", username), hmac("server key", username));
    }

    /** HMAC(secret, purpose NUL username): one independent value per purpose. */
    private byte[] hmac(String purpose, String username) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            mac.update(purpose.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            return mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + HMAC, e);
        }
    }
}
