package io.culex.application.security.acl;

import io.culex.domain.port.Authorizer;
import io.culex.domain.security.AclRules;
import io.culex.domain.security.ClientAcl;
import java.util.Objects;

/**
 * The {@code acl_file} authorizer. Its rules can be replaced at any time (SIGHUP reload); the permissions
 * handed to connected clients follow: each recompiles its {@link ClientAcl} on its first check after a
 * replacement (one volatile read per check otherwise), as Mosquitto re-applies ACLs to connected clients
 * when it reloads.
 */
public final class AclAuthorizer implements Authorizer {

    private volatile AclRules rules;

    public AclAuthorizer(AclRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Installs new rules for every client, connected or not. */
    public void replace(AclRules next) {
        rules = Objects.requireNonNull(next, "next");
    }

    public AclRules rules() {
        return rules;
    }

    @Override
    public Permissions permissionsFor(String clientId, String username) {
        return new LivePermissions(clientId, username, rules.forClient(clientId, username));
    }

    /** One client's permissions, recompiled lazily when the rules change. Safe from any thread. */
    private final class LivePermissions implements Permissions {
        private final String clientId;
        private final String username;
        private volatile ClientAcl compiled;

        LivePermissions(String clientId, String username, ClientAcl compiled) {
            this.clientId = clientId;
            this.username = username;
            this.compiled = compiled;
        }

        private ClientAcl current() {
            AclRules now = rules;
            ClientAcl acl = compiled;
            if (acl.source() != now) {
                acl = now.forClient(clientId, username); // two threads may both compile: same result
                compiled = acl;
            }
            return acl;
        }

        @Override
        public boolean canPublish(String topic) {
            return current().canPublish(topic);
        }

        @Override
        public boolean canSubscribe(String filter) {
            return current().canSubscribe(filter);
        }

        @Override
        public boolean canReceive(String topic) {
            return current().canReceive(topic);
        }

        @Override
        public String toString() {
            return "acl permissions of " + clientId + (username == null ? "" : " (" + username + ")");
        }
    }
}
