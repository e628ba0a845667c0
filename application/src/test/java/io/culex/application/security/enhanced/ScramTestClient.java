package io.culex.application.security.enhanced;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of SCRAM-SHA-256, written from RFC 5802 with the JDK's primitives only, so that the broker's
 * code is checked against an implementation it does not share.
 */
final class ScramTestClient {

    private final String password;
    private final String clientFirstBare;
    private final String clientNonce;
    private String authMessage;
    private byte[] saltedPassword;

    ScramTestClient(String username, String password, String clientNonce) {
        this.password = password;
        this.clientNonce = clientNonce;
        this.clientFirstBare = "n=" + username.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
    }

    byte[] clientFirst() {
        return utf8("n,," + clientFirstBare);
    }

    /** The honest answer to {@code serverFirst}. */
    byte[] clientFinal(byte[] serverFirst) throws Exception {
        return clientFinal(serverFirst, attributes(serverFirst).get("r"));
    }

    /** An answer with a valid proof, but over {@code nonce} instead of the server's. */
    byte[] clientFinal(byte[] serverFirst, String nonce) throws Exception {
        return clientFinal(serverFirst, nonce, "n,,");
    }

    /** An answer with a valid proof over {@code nonce} and a channel binding claiming {@code gs2Header}. */
    byte[] clientFinal(byte[] serverFirst, String nonce, String gs2Header) throws Exception {
        Map<String, String> server = attributes(serverFirst);
        if (!server.get("r").startsWith(clientNonce)) {
            throw new AssertionError("server nonce does not extend ours");
        }
        saltedPassword = pbkdf2(password, Base64.getDecoder().decode(server.get("s")),
                Integer.parseInt(server.get("i")));
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(utf8(gs2Header)) + ",r=" + nonce;
        authMessage = clientFirstBare + "," + new String(serverFirst, StandardCharsets.UTF_8) + "," + withoutProof;
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] signature = hmac(MessageDigest.getInstance("SHA-256").digest(clientKey), authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return utf8(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
    }

    /** True when the server's {@code v=} proves it knows the ServerKey. */
    boolean acceptsServerFinal(byte[] serverFinal) throws Exception {
        byte[] expected = hmac(hmac(saltedPassword, "Server Key"), authMessage);
        return ("v=" + Base64.getEncoder().encodeToString(expected)).equals(new String(serverFinal,
                StandardCharsets.UTF_8));
    }

    static Map<String, String> attributes(byte[] message) {
        Map<String, String> attributes = new HashMap<>();
        for (String attribute : new String(message, StandardCharsets.UTF_8).split(",")) {
            attributes.put(attribute.substring(0, 1), attribute.substring(2));
        }
        return attributes;
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) throws Exception {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
    }

    private static byte[] hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(utf8(text));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
