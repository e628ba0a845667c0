package io.culex.bootstrap.config;

import java.util.Map;
import java.util.Objects;

/**
 * Culex's own {@code auth_provider <name>} and its {@code auth_provider_opt_<key> <value>} lines.
 *
 * @param name     the {@link io.culex.application.spi.AuthProvider#name()} to use
 * @param options  keyed without the {@code auth_provider_opt_} prefix, in file order
 * @param location "file:line" of the {@code auth_provider} line, for start-up errors
 */
public record AuthProviderConfig(String name, Map<String, String> options, String location) {

    public AuthProviderConfig {
        Objects.requireNonNull(name, "name");
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        Objects.requireNonNull(location, "location");
    }
}
