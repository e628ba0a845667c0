package io.culex.bootstrap.security;

import io.culex.application.security.enhanced.EnhancedAuthContext;
import io.culex.application.security.enhanced.EnhancedAuthMethods;
import io.culex.application.security.password.PasswordFile;
import io.culex.application.security.password.PasswordFileParser;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import io.culex.application.security.AnonymousPolicyAuthenticator;
import io.culex.application.security.LoginThrottle;
import io.culex.application.security.PasswordFileAuthenticator;
import io.culex.application.security.ThrottlingAuthenticator;
import io.culex.application.spi.AuthBackend;
import io.culex.application.spi.AuthProviders;
import io.culex.bootstrap.config.AuthProviderConfig;
import io.culex.bootstrap.config.BrokerConfig;
import io.culex.bootstrap.config.ListenerSecurityConfig;
import io.culex.domain.port.Authenticator;
import io.culex.domain.port.Authorizer;
import io.culex.domain.port.Clock;
import java.util.Optional;

/**
 * Chooses the broker's authenticator from the configuration and reloads what it reads from disk.
 * Without {@code password_file}, allow_anonymous alone decides; with it, usernames are checked against the
 * file and repeated failures from one host are throttled. With Culex's own {@code auth_provider}, the provider's
 * authenticator alone decides (password_file and allow_anonymous are ignored, with a warning for password_file),
 * and its authoriser, when it has one, replaces acl_file.
 */
public final class Authentication {

    private static final System.Logger LOG = System.getLogger("io.culex");

    private static final PasswordFile NO_USERS = PasswordFileParser.parse("");

    private final Authenticator authenticator;
    private final PasswordFileLoader loader;
    private final PasswordFileAuthenticator passwords;
    private final AuthBackend provider;

    private Authentication(Authenticator authenticator, PasswordFileLoader loader, PasswordFileAuthenticator passwords,
                           AuthBackend provider) {
        this.authenticator = authenticator;
        this.loader = loader;
        this.passwords = passwords;
        this.provider = provider;
    }

    /** @throws PasswordFileException when password_file is set but cannot be read */
    public static Authentication configure(BrokerConfig config, Clock clock) {
        return configure(config.security(), clock);
    }

    /**
     * The authenticator of one listener (per_listener_settings true) or of the broker.
     *
     * @throws PasswordFileException when password_file is set but cannot be read
     */
    public static Authentication configure(ListenerSecurityConfig config, Clock clock) {
        if (config.authProvider() != null) {
            return withProvider(config.authProvider(), config);
        }
        if (config.passwordFile() == null) {
            return new Authentication(new AnonymousPolicyAuthenticator(config.allowAnonymous()), null, null, null);
        }
        PasswordFileLoader loader = new PasswordFileLoader(config.passwordFile());
        PasswordFileAuthenticator passwords = new PasswordFileAuthenticator(loader.load(), config.allowAnonymous());
        return new Authentication(new ThrottlingAuthenticator(passwords, new LoginThrottle(clock)), loader, passwords,
                null);
    }

    /** @throws AuthProviderException when the provider is gone from the class path or refuses its options */
    private static Authentication withProvider(AuthProviderConfig settings, ListenerSecurityConfig config) {
        AuthBackend backend;
        try {
            backend = AuthProviders.byName(settings.name()).create(settings.options());
        } catch (RuntimeException | java.util.ServiceConfigurationError e) {
            throw new AuthProviderException(settings.location() + ": auth_provider: '" + settings.name()
                    + "' could not be started: " + e.getMessage(), e);
        }
        if (backend == null || backend.authenticator() == null || backend.authorizer() == null) {
            throw new AuthProviderException(settings.location() + ": auth_provider: '" + settings.name()
                    + "' returned no authenticator", null);
        }
        if (config.passwordFile() != null) {
            LOG.log(WARNING, () -> "Warning: password_file is ignored: auth_provider '" + settings.name()
                    + "' authenticates clients.");
        }
        if (config.aclFile() != null && backend.authorizer().isPresent()) {
            LOG.log(WARNING, () -> "Warning: acl_file is ignored: auth_provider '" + settings.name()
                    + "' authorises clients.");
        }
        LOG.log(INFO, () -> "Authentication by auth_provider '" + settings.name() + "'"
                + (backend.authorizer().isPresent() ? ", authorisation too." : "."));
        return new Authentication(backend.authenticator(), null, null, backend);
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    /**
     * The MQTT 5 enhanced authentication methods (SCRAM-SHA-256 and any provider on the class path), checking
     * users against the password file as it is now (a SIGHUP reload applies at once). Without a password file,
     * or with an auth_provider, there are no users to check and every such authentication fails.
     */
    public EnhancedAuthMethods enhancedAuthMethods() {
        return EnhancedAuthMethods.load(new EnhancedAuthContext(this::users));
    }

    /** The users of the password file as it is now; none without a password file or with an auth_provider. */
    public PasswordFile users() {
        return passwords != null ? passwords.passwords() : NO_USERS;
    }

    /**
     * Checks a username and password against the password file as it is now (reloads apply at once), without
     * throttling or allow_anonymous; empty without a password file or with an auth_provider.
     */
    public Optional<Authenticator> passwordCheck() {
        return Optional.ofNullable(passwords);
    }

    /** The auth_provider's authoriser, which replaces acl_file; empty without one. */
    public Optional<Authorizer> authorizer() {
        return provider == null ? Optional.empty() : provider.authorizer();
    }

    /** Releases the auth_provider's backend, if any; a failure is logged, not thrown. */
    public void close() {
        if (provider != null) {
            try {
                provider.close();
            } catch (RuntimeException e) {
                LOG.log(WARNING, () -> "Warning: closing the auth_provider failed: " + e);
            }
        }
    }

    /**
     * SIGHUP: reads the password file again. A file that cannot be read leaves the previous users in force
     * (Mosquitto 2.0 would be left with none, refusing everyone) and the reason is logged.
     *
     * @return true when the file was (re)loaded, false without a password file or when it could not be read
     */
    public boolean reload() {
        if (provider != null) {
            try {
                provider.reload();
                return true;
            } catch (RuntimeException e) {
                LOG.log(ERROR, () -> "Error: reloading the auth_provider failed: " + e.getMessage());
                return false;
            }
        }
        if (loader == null) {
            return false;
        }
        try {
            passwords.replace(loader.load());
            LOG.log(INFO, () -> "Reloaded password file \"" + loader.path() + "\" ("
                    + passwords.passwords().entries().size() + " users).");
            return true;
        } catch (PasswordFileException e) {
            LOG.log(ERROR, () -> "Error: " + e.getMessage() + " Keeping the previous "
                    + passwords.passwords().entries().size() + " users.");
            return false;
        }
    }
}
