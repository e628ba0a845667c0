package io.culex.bootstrap.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's host name, which Mosquitto puts in a bridge's default client id ({@code <hostname>.<name>}). */
final class LocalHostName {

    private static final String FALLBACK = "localhost";

    private LocalHostName() {
    }

    static String get() {
        try {
            return Holder.NAME;
        } catch (ExceptionInInitializerError e) {
            return FALLBACK;
        }
    }

    /** Looked up once, and only when a bridge needs it. */
    private static final class Holder {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                String name = InetAddress.getLocalHost().getHostName();
                return name == null || name.isBlank() ? FALLBACK : name;
            } catch (UnknownHostException e) {
                return FALLBACK;
            }
        }
    }
}
