package io.culex.application.security.enhanced;

/**
 * An MQTT 5 Authentication Method the broker understands, such as {@code SCRAM-SHA-256}. One instance serves
 * every connection (so it must be thread-safe); each authentication gets its own {@link EnhancedAuthExchange}.
 */
public interface EnhancedAuthMethod {

    /** The Authentication Method property's value, compared exactly (case matters), e.g. {@code SCRAM-SHA-256}. */
    String name();

    /**
     * Starts authenticating a CONNECT that names this method.
     *
     * @param clientId    the client identifier of the CONNECT (after assignment), for methods that bind to it
     * @param initialData the CONNECT's Authentication Data, or null when it has none
     * @return the exchange; its {@link EnhancedAuthExchange#firstStep()} is the broker's first answer
     */
    EnhancedAuthExchange start(String clientId, byte[] initialData);

    /**
     * Starts a re-authentication (AUTH 0x19) on a connection that authenticated as {@code username}. A client
     * must not become someone else this way: any SUCCESS for another user becomes a FAILURE. A method may
     * override this to refuse earlier, as SCRAM-SHA-256 does on the client's first message.
     *
     * @param username the user the connection authenticated as
     */
    default EnhancedAuthExchange reauthenticate(String clientId, String username, byte[] initialData) {
        return new SameUserExchange(username, start(clientId, initialData));
    }
}
