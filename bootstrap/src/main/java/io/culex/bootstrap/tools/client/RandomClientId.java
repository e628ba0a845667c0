package io.culex.bootstrap.tools.client;

import java.security.SecureRandom;

/** libmosquitto's generated id for MQTT 3.1, which forbids an empty one: "mosq-" and 17 random characters. */
final class RandomClientId {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomClientId() {
    }

    static String generate() {
        StringBuilder id = new StringBuilder("mosq-");
        for (int i = 0; i < 17; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
