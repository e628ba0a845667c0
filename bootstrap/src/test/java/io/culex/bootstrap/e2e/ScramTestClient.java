package io.culex.bootstrap.e2e;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The client side of SCRAM-SHA-256 (RFC 5802/7677), written independently of the broker's code. */
final class ScramTestClient {

    private final String username;
    private final String password;
    private final String clientNonce;
    private byte[] serverSignature;

    ScramTestClient(String username, String password, String clientNonce) {
        this.username = username;
        this.password = password;
        this.clientNonce = clientNonce;
    }

    byte[] clientFirst() {
        return ("n,," + clientFirstBare()).getBytes(StandardCharsets.UTF_8);
    }

    private String clientFirstBare() {
        return "n=" + username + ",r=" + clientNonce;
    }

    /** The client-final message answering the server-first one; remembers the signature to expect. */
    byte[] clientFinal(byte[] serverFirstBytes) throws Exception {
        String serverFirst = new String(serverFirstBytes, StandardCharsets.UTF_8);
        Map<String, String> attributes = new HashMap<>();
        for (String part : serverFirst.split(",")) {
            attributes.put(part.substring(0, 1), part.substring(2));
        }
        byte[] salt = Base64.getDecoder().decode(attributes.get("s"));
        int iterations = Integer.parseInt(attributes.get("i"));
        SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        byte[] salted = pbkdf2.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        byte[] clientKey = hmac(salted, "Client Key");
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
        String withoutProof = "c=biws,r=" + attributes.get("r");
        String authMessage = clientFirstBare() + "," + serverFirst + "," + withoutProof;
        byte[] signature = hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        serverSignature = hmac(hmac(salted, "Server Key"), authMessage);
        return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the server-final message proves the server knew the credentials. */
    boolean verifiesServer(byte[] serverFinal) {
        return ("v=" + Base64.getEncoder().encodeToString(serverSignature))
                .equals(new String(serverFinal, StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
