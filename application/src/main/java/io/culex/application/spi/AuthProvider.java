package io.culex.application.spi;

import java.util.Map;

/**
 * Service provider interface for authentication and authorisation plug-ins (for example one asking an HTTP
 * service, or one checking JWTs). A jar on the class path registers an implementation in
 * {@code META-INF/services/io.culex.application.spi.AuthProvider}; the configuration picks one by
 * {@link #name()} with {@code auth_provider <name>} and passes it the {@code auth_provider_opt_<key> <value>}
 * lines as options.
 */
public interface AuthProvider {

    /** The name used in the configuration, e.g. {@code jwt}. */
    String name();

    /**
     * Called once at start-up, before any listener is bound.
     *
     * @param options the {@code auth_provider_opt_*} values keyed without the prefix
     *                ({@code auth_provider_opt_url http://x} gives {@code url -> http://x}); never null, unmodifiable
     * @throws IllegalArgumentException when the options are wrong: the broker does not start and logs the message
     */
    AuthBackend create(Map<String, String> options);
}
