package io.culex.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** per_listener_settings: where allow_anonymous, password_file, acl_file and auth_provider* lines land. */
class PerListenerSettingsTest {

    private static BrokerConfig parse(String... lines) throws ConfigException {
        return ConfigParser.parse(String.join("\n", lines) + "\n", "test.conf");
    }

    @Test
    void withTrueEachListenerBlockHasItsOwnSecurityOptions() throws ConfigException {
        BrokerConfig config = parse(
                "per_listener_settings true",
                "port 1884",
                "password_file /etc/default.passwd",
                "listener 1885",
                "allow_anonymous true",
                "acl_file /etc/a.acl",
                "listener 1886",
                "auth_provider test-token",
                "auth_provider_opt_token s3cret");
        assertTrue(config.perListenerSettings());
        // Opened in this order: the declared listeners, then the default one.
        assertEquals(List.of(1885, 1886, 1884), config.listeners().stream().map(ListenerConfig::port).toList());
        assertEquals(new ListenerSecurityConfig(true, null, "/etc/a.acl", null), config.security(0));
        ListenerSecurityConfig second = config.security(1);
        assertFalse(second.allowAnonymous(), "a listener that does not say so refuses anonymous clients");
        assertNull(second.passwordFile());
        assertEquals("test-token", second.authProvider().name());
        assertEquals(Map.of("token", "s3cret"), second.authProvider().options());
        assertEquals("test.conf:8", second.authProvider().location());
        assertEquals(new ListenerSecurityConfig(false, "/etc/default.passwd", null, null), config.security(2));
        // Nothing went to the broker-wide set.
        assertEquals(new ListenerSecurityConfig(false, null, null, null), config.security());
    }

    @Test
    void withFalseTheLinesAreBrokerWideWhereverTheyStand() throws ConfigException {
        BrokerConfig config = parse(
                "per_listener_settings false",
                "listener 1885",
                "allow_anonymous true",
                "listener 1886",
                "password_file /etc/p",
                "acl_file /etc/a.acl");
        assertFalse(config.perListenerSettings());
        assertEquals(List.of(), config.listenerSecurity());
        ListenerSecurityConfig global = new ListenerSecurityConfig(true, "/etc/p", "/etc/a.acl", null);
        assertEquals(global, config.security());
        assertEquals(global, config.security(0));
        assertEquals(global, config.security(1));
    }

    @Test
    void theDefaultIsFalse() throws ConfigException {
        BrokerConfig config = parse("listener 1885", "password_file /etc/p", "listener 1886");
        assertFalse(config.perListenerSettings());
        assertEquals("/etc/p", config.security(1).passwordFile());
    }

    @Test
    void trueAfterASecurityOptionIsRefusedAsMosquittoDoes() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(
                "listener 1885",
                "allow_anonymous true",
                "per_listener_settings true"));
        assertTrue(e.getMessage().startsWith("test.conf:3: per_listener_settings: must be set before any other "
                + "security settings"), e.getMessage());
        assertTrue(e.getMessage().contains("test.conf:2"), e.getMessage());
    }

    @Test
    void trueAfterAListenerLineAloneIsAccepted() throws ConfigException {
        BrokerConfig config = parse("listener 1885", "per_listener_settings true", "allow_anonymous true");
        assertTrue(config.security(0).allowAnonymous());
    }

    @Test
    void anAuthProviderGivenTwiceInOneBlockIsAnErrorButOncePerListenerIsFine() throws ConfigException {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(
                "per_listener_settings true",
                "listener 1885",
                "auth_provider test-token",
                "auth_provider test-token"));
        assertTrue(e.getMessage().startsWith("test.conf:4: auth_provider: duplicate value, already set at test.conf:3"),
                e.getMessage());
        BrokerConfig config = parse(
                "per_listener_settings true",
                "listener 1885",
                "auth_provider test-token",
                "listener 1886",
                "auth_provider test-token");
        assertEquals("test.conf:5", config.security(1).authProvider().location());
    }

    @Test
    void inLocalOnlyModeTheOptionsBeforeAnyListenerApplyToTheLocalListener() throws ConfigException {
        BrokerConfig config = parse("per_listener_settings true", "password_file /etc/p");
        assertEquals(List.of(BrokerConfig.LOCAL_ONLY_ADDRESS),
                config.listeners().stream().map(ListenerConfig::bindAddress).toList());
        assertEquals(new ListenerSecurityConfig(true, "/etc/p", null, null), config.security(0));
    }

    @Test
    void optionsForADefaultListenerThatIsNotOpenedAreReportedAsIgnored() throws ConfigException {
        BrokerConfig config = parse(
                "per_listener_settings true",
                "password_file /etc/p",
                "listener 1885",
                "auth_provider_opt_token x");
        assertEquals(1, config.listenerSecurity().size());
        assertNull(config.security(0).passwordFile());
        assertTrue(config.warnings().stream().anyMatch(w -> w.startsWith("security options before the first listener")),
                config.warnings().toString());
        assertTrue(config.warnings().stream().anyMatch(w -> w.startsWith("auth_provider_opt_* ignored without "
                + "auth_provider (the listener at test.conf:3)")), config.warnings().toString());
    }

    @Test
    void theCommandLinePortKeepsTheDefaultListenersSecurity() throws ConfigException {
        BrokerConfig config = parse("per_listener_settings true", "listener 1885", "password_file /etc/a",
                "listener 1886", "password_file /etc/b").withListeners(List.of(new ListenerConfig(1999, null)));
        assertEquals("/etc/b", config.security(0).passwordFile());
    }
}
