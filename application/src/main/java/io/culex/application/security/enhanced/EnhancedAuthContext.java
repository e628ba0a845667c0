package io.culex.application.security.enhanced;

import io.culex.application.security.password.PasswordFile;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the broker hands an {@link EnhancedAuthProvider} when it creates its method.
 *
 * @param passwords the listener's current password file, asked again for every authentication so that a reload
 *                  (SIGHUP) takes effect at once; an empty file when none is configured
 */
public record EnhancedAuthContext(Supplier<PasswordFile> passwords) {

    public EnhancedAuthContext {
        Objects.requireNonNull(passwords);
    }
}
