package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.e2e.PahoClients.Client;
import io.culex.bootstrap.security.AuthProviderException;
import io.culex.bootstrap.spi.TokenAuthProvider;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

/**
 * auth_provider over a real socket with Paho: the test-only {@link TokenAuthProvider} (found through
 * META-INF/services) accepts the token configured with auth_provider_opt_token as password, and its authoriser
 * drops publishes to forbidden/#.
 */
class AuthProviderTest extends BrokerTestSupport {

    private static final int NOT_AUTHORISED = 5;
    private static final String TOKEN = "s3cret-token";

    private void start(String... extra) {
        String[] lines = new String[extra.length + 2];
        lines[0] = "auth_provider " + TokenAuthProvider.NAME;
        lines[1] = "auth_provider_opt_token " + TOKEN;
        System.arraycopy(extra, 0, lines, 2, extra.length);
        startBroker(lines);
    }

    private MqttConnectOptions options(String username, String password) {
        MqttConnectOptions options = clients.options(PahoClients.MQTT_3_1_1, true);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        return options;
    }

    private void assertRefused(String clientId, String username, String password) {
        MqttException e = assertThrows(MqttException.class,
                () -> clients.connect(clientId, options(username, password)), clientId);
        assertEquals(NOT_AUTHORISED, e.getReasonCode(), () -> clientId + ": " + e);
    }

    @Test
    void theProvidersAuthenticatorDecidesWhoConnects() throws Exception {
        // allow_anonymous true (the test default) no longer lets clients without the token in
        start();
        assertTrue(clients.connect("good", options("anyone", TOKEN)).paho.isConnected());
        assertRefused("wrong", "anyone", "not-the-token");
        assertRefused("anonymous", null, null);
    }

    @Test
    void theProvidersAuthoriserDropsPublishesToForbiddenTopics() throws Exception {
        start();
        Client subscriber = clients.connect("subscriber", options("sub", TOKEN));
        subscriber.subscribe("#", 1);
        Client publisher = clients.connect("publisher", options("pub", TOKEN));
        for (int qos = 0; qos <= 2; qos++) {
            publisher.publish("forbidden/secret", "x", qos, false); // the QoS flow completes even when denied
            publisher.publish("allowed/news", "q" + qos, qos, false);
            PahoClients.Received received = subscriber.next();
            assertEquals("allowed/news", received.topic(), "QoS " + qos + ": forbidden/secret must be dropped");
            assertEquals("q" + qos, received.payload());
        }
        assertNull(subscriber.nextOrNull(200));
        assertTrue(publisher.paho.isConnected(), "a denied PUBLISH does not disconnect");
    }

    @Test
    void passwordFileAndAclFileAreReplacedAndNotEvenRead() throws Exception {
        start("password_file /nonexistent/culex/passwd", "acl_file /nonexistent/culex/acl");
        Client client = clients.connect("good", options("anyone", TOKEN));
        client.subscribe("a/#", 1);
        client.paho.publish("a/b", "hi".getBytes(StandardCharsets.UTF_8), 1, false);
        assertEquals("a/b", client.next().topic());
    }

    @Test
    void theBrokerClosesTheBackendWhenItStops() {
        start();
        int before = TokenAuthProvider.CLOSED.get();
        broker.close();
        broker = null;
        assertEquals(before + 1, TokenAuthProvider.CLOSED.get());
    }

    @Test
    void aProviderRefusingItsOptionsStopsTheStartUpNamingTheLine() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RunningBroker.start("auth_provider " + TokenAuthProvider.NAME));
        AuthProviderException cause = assertInstanceOf(AuthProviderException.class, e.getCause());
        assertEquals("test.conf:4: auth_provider: 'test-token' could not be started: "
                + "auth_provider_opt_token is required", cause.getMessage());
    }
}
