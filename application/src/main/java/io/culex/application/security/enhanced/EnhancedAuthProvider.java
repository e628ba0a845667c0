package io.culex.application.security.enhanced;

/**
 * Service provider interface for MQTT 5 enhanced authentication methods. A jar on the class path registers an
 * implementation in {@code META-INF/services/io.culex.application.security.enhanced.EnhancedAuthProvider}; a
 * client then selects it by putting {@link #name()} in its CONNECT's Authentication Method. Culex registers
 * {@code SCRAM-SHA-256} this way.
 */
public interface EnhancedAuthProvider {

    /** The Authentication Method name, equal to the created method's {@link EnhancedAuthMethod#name()}. */
    String name();

    /**
     * Called once per set of credentials at start-up (per listener with {@code per_listener_settings true}).
     *
     * @throws IllegalArgumentException when the method cannot work with this context: the broker does not start
     */
    EnhancedAuthMethod create(EnhancedAuthContext context);
}
