package io.culex.domain.port;

/** Decides whether a client may connect with the credentials it presented. */
public interface Authenticator {

    /** The verdict on a CONNECT's credentials. */
    enum Verdict { ACCEPTED, BAD_CREDENTIALS, NOT_AUTHORIZED }

    /**
     * @param remoteAddress the peer as the transport prints it, e.g. "127.0.0.1:51234" (for throttling and logs)
     * @param username null when the client sent none
     * @param password null when the client sent none; never logged
     */
    Verdict authenticate(String clientId, String remoteAddress, String username, byte[] password);
}
