package io.culex.application.security.enhanced;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Authentication Methods a broker (or a listener) accepts, by name. A CONNECT naming a method that is not
 * here is answered with CONNACK 0x8C (Bad authentication method).
 */
public final class EnhancedAuthMethods {

    private final Map<String, EnhancedAuthMethod> byName;

    private EnhancedAuthMethods(Map<String, EnhancedAuthMethod> byName) {
        this.byName = byName;
    }

    /**
     * One method from every provider on the class path, each created with {@code context}.
     *
     * @throws IllegalArgumentException when two providers claim the same name, or one's method has another name
     */
    public static EnhancedAuthMethods load(EnhancedAuthContext context) {
        List<EnhancedAuthMethod> methods = new ArrayList<>();
        for (EnhancedAuthProvider provider : EnhancedAuthProviders.available()) {
            EnhancedAuthMethod method = provider.create(context);
            if (!method.name().equals(provider.name())) {
                throw new IllegalArgumentException("enhanced authentication provider '" + provider.name()
                        + "' created a method named '" + method.name() + "'");
            }
            methods.add(method);
        }
        return of(methods);
    }

    /** @throws IllegalArgumentException when two methods share a name */
    public static EnhancedAuthMethods of(Collection<? extends EnhancedAuthMethod> methods) {
        Map<String, EnhancedAuthMethod> byName = new TreeMap<>();
        for (EnhancedAuthMethod method : methods) {
            EnhancedAuthMethod earlier = byName.putIfAbsent(method.name(), method);
            if (earlier != null) {
                throw new IllegalArgumentException("two enhanced authentication methods named '" + method.name()
                        + "': " + earlier.getClass().getName() + " and " + method.getClass().getName());
            }
        }
        return new EnhancedAuthMethods(byName);
    }

    /** Empty when the broker does not know the method: answer CONNACK 0x8C. */
    public Optional<EnhancedAuthMethod> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Sorted, for the log at start-up. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
