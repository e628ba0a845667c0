package io.culex.application.security.password;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Computes the digest a Mosquitto hash stores, with the JDK's own SHA-512 and PBKDF2 implementations. */
final class Digests {

    /** SHA-512's output size; Mosquitto stores exactly this many bytes for both algorithms. */
    static final int LENGTH = 64;

    private Digests() {
    }

    static byte[] compute(HashAlgorithm algorithm, String password, byte[] salt, int iterations) {
        try {
            if (algorithm == HashAlgorithm.SHA512) {
                return sha512(password, salt);
            }
            return pbkdf2(password, salt, iterations);
        } catch (GeneralSecurityException e) {
            // Both algorithms are mandatory in every Java SE runtime.
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }

    /** mosquitto_passwd feeds the password's bytes (UTF-8 on any sane terminal) and then the salt. */
    private static byte[] sha512(String password, byte[] salt) throws GeneralSecurityException {
        MessageDigest digest = MessageDigest.getInstance("SHA-512");
        digest.update(password.getBytes(StandardCharsets.UTF_8));
        digest.update(salt);
        return digest.digest();
    }

    /** The JDK turns the password's chars into UTF-8 bytes, which is what OpenSSL receives from Mosquitto. */
    private static byte[] pbkdf2(String password, byte[] salt, int iterations) throws GeneralSecurityException {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, LENGTH * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
