package io.culex.application.security.enhanced;

/**
 * One client's authentication in progress, from the CONNECT (or the AUTH 0x19 that starts a re-authentication)
 * to SUCCESS or FAILURE. Belongs to one connection and is called by it in turn: not thread-safe.
 * Once a step has been SUCCESS or FAILURE, every further step is FAILURE.
 */
public interface EnhancedAuthExchange {

    /** The answer to the data the exchange was started with. */
    AuthStep firstStep();

    /**
     * The answer to the Authentication Data of the client's next AUTH 0x18 packet.
     *
     * @param clientData null when the packet carried none; a method answers FAILURE when it needs some
     */
    AuthStep step(byte[] clientData);
}
