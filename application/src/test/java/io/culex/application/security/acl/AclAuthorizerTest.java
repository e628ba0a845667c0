package io.culex.application.security.acl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.port.Authorizer.Permissions;
import org.junit.jupiter.api.Test;

class AclAuthorizerTest {

    @Test
    void permissionsFollowReplacedRules() {
        AclAuthorizer authorizer = new AclAuthorizer(AclFileParser.parse("user u\ntopic read a\n").rules());
        Permissions permissions = authorizer.permissionsFor("c", "u");
        assertTrue(permissions.canReceive("a"));
        assertFalse(permissions.canReceive("b"));

        authorizer.replace(AclFileParser.parse("user u\ntopic read b\n").rules());
        assertFalse(permissions.canReceive("a"), "already-connected clients see the new rules");
        assertTrue(permissions.canReceive("b"));
        assertTrue(permissions.canSubscribe("b"));
        assertFalse(permissions.canPublish("b"));
    }
}
