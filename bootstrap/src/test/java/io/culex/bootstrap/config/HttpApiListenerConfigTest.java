package io.culex.bootstrap.config;

import static io.culex.bootstrap.config.ConfigTexts.errorOf;
import static io.culex.bootstrap.config.ConfigTexts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code protocol http_api} and Culex's http_api_* keys. */
class HttpApiListenerConfigTest {

    @Test
    void anHttpApiListenerCarriesItsAccessOptions() throws ConfigException {
        BrokerConfig config = parse(
                "listener 1883",
                "listener 8080 127.0.0.1",
                "protocol http_api",
                "http_api_users alice  bob",
                "http_api_token_file /etc/culex/api.token",
                "certfile s.crt",
                "keyfile s.key");

        ListenerConfig api = config.listeners().get(1);
        assertEquals(ListenerConfig.Protocol.HTTP_API, api.protocol());
        assertFalse(api.servesMqtt());
        assertEquals(new HttpApiConfig(List.of("alice", "bob"), "/etc/culex/api.token", false), api.httpApi());
        assertEquals("s.crt", api.tls().certFile());
        assertTrue(config.listeners().get(0).servesMqtt());
        assertNull(config.listeners().get(0).httpApi());
    }

    @Test
    void anonymousAccessMustBeAskedForExplicitly() throws ConfigException {
        ListenerConfig api = parse("listener 8080", "protocol http_api", "http_api_allow_anonymous true")
                .listeners().get(0);
        assertEquals(new HttpApiConfig(List.of(), null, true), api.httpApi());
    }

    @Test
    void anHttpApiListenerNobodyMayUseIsRefused() {
        assertTrue(errorOf("listener 8080", "protocol http_api")
                .contains("nobody may use it; set http_api_users"));
        assertTrue(errorOf("listener 8080", "protocol http_api", "http_api_allow_anonymous false")
                .contains("nobody may use it"));
    }

    @Test
    void httpApiOptionsOnAnMqttListenerAreAnError() {
        assertEquals("test.conf:2: http_api_users: only applies to a listener with 'protocol http_api'",
                errorOf("listener 1883", "http_api_users alice"));
        assertEquals("test.conf:3: http_api_allow_anonymous: only applies to a listener with 'protocol http_api'",
                errorOf("listener 1883", "protocol websockets", "http_api_allow_anonymous true"));
    }

    @Test
    void httpApiOptionsBeforeAnyListenerDoNotOpenTheDefaultListener() throws ConfigException {
        BrokerConfig config = parse("http_api_token_file /x", "listener 1883");
        assertEquals(List.of(new ListenerConfig(1883, null)), config.listeners());
    }
}
