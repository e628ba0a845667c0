package io.culex.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Culex's own auth_provider and auth_provider_opt_* keys (the test-token provider is registered by the tests). */
class AuthProviderKeysTest {

    @Test
    void aProviderOnTheClassPathIsSelectedWithItsOptionsInFileOrder() throws ConfigException {
        BrokerConfig config = ConfigParser.parse("""
                auth_provider_opt_url http://auth.example/check?a=1 b
                auth_provider test-token
                auth_provider_opt_token s3cret
                """, "test.conf");
        assertEquals(new AuthProviderConfig("test-token",
                Map.of("url", "http://auth.example/check?a=1 b", "token", "s3cret"), "test.conf:2"), config.authProvider());
        assertEquals(List.of("url", "token"), List.copyOf(config.authProvider().options().keySet()));
        assertEquals(List.of(), config.warnings());
        assertTrue(ConfigKeys.implemented("auth_provider"));
        assertTrue(ConfigKeys.implemented("auth_provider_opt_anything"));
    }

    @Test
    void noProviderByDefault() throws ConfigException {
        assertNull(ConfigParser.parse("", "test.conf").authProvider());
        assertNull(BrokerConfig.defaults().authProvider());
    }

    @Test
    void anUnknownProviderIsAnErrorNamingTheLineAndTheProvidersAvailable() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigParser.parse("allow_anonymous false\nauth_provider ldap", "culex.conf"));
        assertEquals("culex.conf:2: auth_provider: no authentication provider named 'ldap'; available: [test-token]",
                error.getMessage());
    }

    @Test
    void theProviderNameIsOneWord() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigParser.parse("auth_provider", "test.conf"));
        assertTrue(error.getMessage().startsWith("test.conf:1: auth_provider: expected the name of an authentication"),
                error.getMessage());
        assertThrows(ConfigException.class, () -> ConfigParser.parse("auth_provider test-token extra", "test.conf"));
    }

    @Test
    void aSecondProviderOrOptionIsAnError() {
        ConfigException provider = assertThrows(ConfigException.class,
                () -> ConfigParser.parse("auth_provider test-token\nauth_provider test-token", "test.conf"));
        assertEquals("test.conf:2: auth_provider: duplicate value, already set at test.conf:1", provider.getMessage());
        ConfigException option = assertThrows(ConfigException.class,
                () -> ConfigParser.parse("auth_provider_opt_token a\nauth_provider_opt_token b", "test.conf"));
        assertEquals("test.conf:2: auth_provider_opt_token: duplicate value, already set at test.conf:1",
                option.getMessage());
    }

    @Test
    void anOptionNeedsANameAndAValue() {
        ConfigException noName = assertThrows(ConfigException.class,
                () -> ConfigParser.parse("auth_provider_opt_ x", "test.conf"));
        assertTrue(noName.getMessage().startsWith("test.conf:1: auth_provider_opt_: expected an option name"),
                noName.getMessage());
        ConfigException noValue = assertThrows(ConfigException.class,
                () -> ConfigParser.parse("auth_provider_opt_token", "test.conf"));
        assertTrue(noValue.getMessage().startsWith("test.conf:1: auth_provider_opt_token: expected a value"),
                noValue.getMessage());
    }

    @Test
    void optionsWithoutAProviderAreIgnoredWithAWarning() throws ConfigException {
        BrokerConfig config = ConfigParser.parse("auth_provider_opt_token x", "test.conf");
        assertNull(config.authProvider());
        assertEquals(List.of("auth_provider_opt_* ignored without auth_provider: [token]"), config.warnings());
    }
}
