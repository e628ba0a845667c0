package io.culex.application.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds authentication providers on the class path through {@link ServiceLoader}. */
public final class AuthProviders {

    private AuthProviders() {
    }

    public static List<AuthProvider> available() {
        List<AuthProvider> providers = new ArrayList<>();
        ServiceLoader.load(AuthProvider.class).forEach(providers::add);
        return providers;
    }

    /** @throws IllegalArgumentException naming the providers that are available */
    public static AuthProvider byName(String name) {
        List<AuthProvider> providers = available();
        for (AuthProvider provider : providers) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        List<String> names = providers.stream().map(AuthProvider::name).sorted().toList();
        throw new IllegalArgumentException("no authentication provider named '" + name + "'; available: "
                + (names.isEmpty() ? "none (put the provider's jar on the class path)" : names));
    }
}
