package io.culex.bootstrap.security;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import io.culex.application.security.AnonymousPolicyAuthenticator;
import io.culex.application.security.LoginThrottle;
import io.culex.application.security.PasswordFileAuthenticator;
import io.culex.application.security.ThrottlingAuthenticator;
import io.culex.bootstrap.config.BrokerConfig;
import io.culex.domain.port.Authenticator;
import io.culex.domain.port.Clock;

/**
 * Chooses the broker's authenticator from the configuration and reloads what it reads from disk.
 * Without {@code password_file}, allow_anonymous alone decides; with it, usernames are checked against the
 * file and repeated failures from one host are throttled.
 */
public final class Authentication {

    private static final System.Logger LOG = System.getLogger("io.culex");

    private final Authenticator authenticator;
    private final PasswordFileLoader loader;
    private final PasswordFileAuthenticator passwords;

    private Authentication(Authenticator authenticator, PasswordFileLoader loader, PasswordFileAuthenticator passwords) {
        this.authenticator = authenticator;
        this.loader = loader;
        this.passwords = passwords;
    }

    /** @throws PasswordFileException when password_file is set but cannot be read */
    public static Authentication configure(BrokerConfig config, Clock clock) {
        if (config.passwordFile() == null) {
            return new Authentication(new AnonymousPolicyAuthenticator(config.allowAnonymous()), null, null);
        }
        PasswordFileLoader loader = new PasswordFileLoader(config.passwordFile());
        PasswordFileAuthenticator passwords = new PasswordFileAuthenticator(loader.load(), config.allowAnonymous());
        return new Authentication(new ThrottlingAuthenticator(passwords, new LoginThrottle(clock)), loader, passwords);
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    /**
     * SIGHUP: reads the password file again. A file that cannot be read leaves the previous users in force
     * (Mosquitto 2.0 would be left with none, refusing everyone) and the reason is logged.
     *
     * @return true when the file was (re)loaded, false without a password file or when it could not be read
     */
    public boolean reload() {
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
