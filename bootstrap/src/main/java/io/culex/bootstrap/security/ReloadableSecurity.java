package io.culex.bootstrap.security;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import io.culex.application.connection.ListenerSecurity;
import io.culex.application.security.enhanced.EnhancedAuthContext;
import io.culex.application.security.enhanced.EnhancedAuthMethods;
import io.culex.bootstrap.config.ListenerSecurityConfig;
import io.culex.domain.port.Authenticator;
import io.culex.domain.port.Authorizer;
import io.culex.domain.port.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The authentication and ACL of one listener ({@code per_listener_settings true}) or of the whole broker, behind a
 * {@link ListenerSecurity} that stays the same object while what is behind it is reloaded (SIGHUP: the password and
 * ACL files re-read) or replaced (a reloaded configuration with another allow_anonymous, password_file or acl_file).
 * Connections already open keep their login; their topic permissions follow the rules in force from their next check,
 * as Mosquitto re-applies ACLs to connected clients on reload.
 */
public final class ReloadableSecurity {

    private static final System.Logger LOG = System.getLogger("io.culex");

    /** What one configuration's security options opened. */
    private record Parts(ListenerSecurityConfig config, Authentication authentication, AclFileLoader acl,
                         Authorizer authorizer) {

        /** @throws PasswordFileException, AclFileException, AuthProviderException as the start-up does */
        static Parts open(ListenerSecurityConfig config, Clock clock) {
            Authentication authentication = Authentication.configure(config, clock);
            try {
                // an auth_provider's authoriser replaces acl_file (the file is then not read)
                Authorizer providers = authentication.authorizer().orElse(null);
                AclFileLoader acl = AclFileLoader.configure(providers != null ? null : config.aclFile());
                return new Parts(config, authentication, acl, providers != null ? providers : acl.authorizer());
            } catch (RuntimeException e) {
                authentication.close();
                throw e;
            }
        }
    }

    private final Clock clock;
    private volatile Parts current;
    private final ListenerSecurity view;

    private ReloadableSecurity(Parts first, Clock clock) {
        this.clock = clock;
        this.current = first;
        Authenticator authenticator = (clientId, remoteAddress, username, password) ->
                current.authentication().authenticator().authenticate(clientId, remoteAddress, username, password);
        Supplier<Authorizer> authorizer = () -> current.authorizer();
        this.view = new ListenerSecurity(authenticator, new FollowingAuthorizer(authorizer),
                EnhancedAuthMethods.load(new EnhancedAuthContext(() -> current.authentication().users())));
    }

    /**
     * First: an unreadable password_file, a bad acl_file or a refused auth_provider stops the start-up before anything
     * is opened.
     */
    public static ReloadableSecurity configure(ListenerSecurityConfig config, Clock clock) {
        return new ReloadableSecurity(Parts.open(config, clock), clock);
    }

    /** What the broker gives the connections: the same object for the broker's life. */
    public ListenerSecurity forBroker() {
        return view;
    }

    /**
     * The authentication in force now (the HTTP API checks its users against its password file; it keeps the
     * one it got at start-up until a restart).
     */
    public Authentication authentication() {
        return current.authentication();
    }

    /** The options in force. */
    public ListenerSecurityConfig config() {
        return current.config();
    }

    /** The acl_file loader in force: its {@code reload()} is what SIGHUP runs for the ACL. */
    public AclFileLoader acl() {
        return current.acl();
    }

    /** SIGHUP with unchanged options: reads the password and ACL files again (or reloads the auth_provider). */
    public void reload() {
        Parts parts = current;
        parts.authentication().reload();
        parts.acl().reload();
    }

    /**
     * A reload's first step for other options: opens what {@code next} names, reading its files.
     *
     * @return what {@link #replace} installs, or {@link Prepared#discard()} releases if the reload fails later
     * @throws PasswordFileException, AclFileException, AuthProviderException when {@code next} cannot be used;
     *         nothing changed then
     */
    public Prepared prepare(ListenerSecurityConfig next) {
        return new Prepared(Parts.open(Objects.requireNonNull(next, "next"), clock));
    }

    /** A reload's last step: what {@link #prepare} opened serves new logins and every permission check from now on. */
    public void replace(Prepared prepared) {
        Parts next = prepared.parts;
        Parts previous = current;
        current = next;
        previous.authentication().close();
        LOG.log(INFO, () -> "Security options reloaded: allow_anonymous " + next.config().allowAnonymous()
                + ", password_file " + describe(next.config().passwordFile())
                + ", acl_file " + describe(next.config().aclFile()) + ".");
    }

    /** At the broker's stop: releases the auth_provider, if any. */
    public void close() {
        current.authentication().close();
    }

    /** Security options opened for a reload, not yet in force. */
    public static final class Prepared {
        private final Parts parts;

        private Prepared(Parts parts) {
            this.parts = parts;
        }

        /** The reload failed after all: releases what was opened. */
        public void discard() {
            try {
                parts.authentication().close();
            } catch (RuntimeException e) {
                LOG.log(ERROR, () -> "Error: releasing unused security options failed: " + e);
            }
        }
    }

    private static String describe(String path) {
        return path == null ? "none" : "\"" + path + "\"";
    }

    /**
     * Permissions that follow the authoriser in force: a client keeps the permissions it got at CONNECT until the
     * authoriser itself is replaced, and then asks the new one (one volatile read per check otherwise).
     */
    private static final class FollowingAuthorizer implements Authorizer {

        private final Supplier<Authorizer> current;

        FollowingAuthorizer(Supplier<Authorizer> current) {
            this.current = current;
        }

        @Override
        public Permissions permissionsFor(String clientId, String username) {
            Authorizer now = current.get();
            return new FollowingPermissions(clientId, username, new Bound(now, now.permissionsFor(clientId, username)));
        }

        private record Bound(Authorizer source, Permissions permissions) {
        }

        private final class FollowingPermissions implements Permissions {
            private final String clientId;
            private final String username;
            private volatile Bound bound;

            FollowingPermissions(String clientId, String username, Bound bound) {
                this.clientId = clientId;
                this.username = username;
                this.bound = bound;
            }

            private Permissions permissions() {
                Authorizer now = current.get();
                Bound known = bound;
                if (known.source() != now) {
                    known = new Bound(now, now.permissionsFor(clientId, username)); // two threads may both ask: same answer
                    bound = known;
                }
                return known.permissions();
            }

            @Override
            public boolean canPublish(String topic) {
                return permissions().canPublish(topic);
            }

            @Override
            public boolean canSubscribe(String filter) {
                return permissions().canSubscribe(filter);
            }

            @Override
            public boolean canReceive(String topic) {
                return permissions().canReceive(topic);
            }

            @Override
            public String toString() {
                return bound.permissions().toString();
            }
        }
    }
}
