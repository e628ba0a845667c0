package io.culex.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration the README tells users to start with must parse cleanly. */
class ShippedConfigTest {

    @Test
    void shippedConfigListensOn1883WithAnonymousAccessDurableStorageAndNoWarnings() throws Exception {
        BrokerConfig config = ConfigParser.parse(Path.of("..", "conf", "culex.conf"));

        assertEquals(List.of(new ListenerConfig(1883, null)), config.listeners());
        assertTrue(config.allowAnonymous());
        assertEquals(new PersistenceConfig(true, "data", "culex.db", "file"), config.persistence());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void secureExampleConfiguresTlsWebSocketsPasswordsAndAclWithoutWarnings() throws Exception {
        BrokerConfig config = ConfigParser.parse(Path.of("..", "conf", "secure-example.conf"));

        assertEquals(3, config.listeners().size());
        assertEquals("/etc/culex/passwd", config.passwordFile());
        assertEquals("/etc/culex/acl", config.aclFile());
        assertEquals(false, config.allowAnonymous());
        assertEquals(List.of(), config.warnings());
    }
}
