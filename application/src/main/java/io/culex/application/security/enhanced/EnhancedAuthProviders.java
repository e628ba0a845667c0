package io.culex.application.security.enhanced;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds enhanced authentication providers on the class path through {@link ServiceLoader}. */
public final class EnhancedAuthProviders {

    private EnhancedAuthProviders() {
    }

    public static List<EnhancedAuthProvider> available() {
        List<EnhancedAuthProvider> providers = new ArrayList<>();
        ServiceLoader.load(EnhancedAuthProvider.class).forEach(providers::add);
        return providers;
    }
}
