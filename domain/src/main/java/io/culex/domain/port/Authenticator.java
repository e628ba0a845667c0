package io.culex.domain.port;

/** Decides whether a client may connect with the credentials it presented. */
public interface Authenticator {

    /** The verdict on a CONNECT's credentials. */
    enum Verdict { ACCEPTED, BAD_CREDENTIALS, NOT_AUTHORIZED }

    /**
     * @param username null when the client sent none
     * @param password null when the client sent none; never logged
     */
    Verdict authenticate(String clientId, String username, byte[] password);
}
