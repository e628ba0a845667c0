package io.culex.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AclFileKeyTest {

    @Test
    void aclFileIsImplementedAndKeepsTheWholePath() throws ConfigException {
        BrokerConfig config = ConfigParser.parse("acl_file /etc/culex/my acl", "test.conf");
        assertEquals("/etc/culex/my acl", config.aclFile());
        assertEquals(List.of(), config.warnings());
        assertTrue(ConfigKeys.implemented("acl_file"));
    }

    @Test
    void noAclFileByDefault() throws ConfigException {
        assertNull(ConfigParser.parse("", "test.conf").aclFile());
    }

    @Test
    void aclFileNeedsAPath() {
        ConfigException error = assertThrows(ConfigException.class, () -> ConfigParser.parse("acl_file", "test.conf"));
        assertTrue(error.getMessage().startsWith("test.conf:1: acl_file"), error.getMessage());
    }
}
