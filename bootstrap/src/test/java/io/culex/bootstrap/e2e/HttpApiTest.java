package io.culex.bootstrap.e2e;

import static io.culex.bootstrap.e2e.AdminHttp.admin;
import static io.culex.bootstrap.e2e.AdminHttp.basic;
import static io.culex.bootstrap.e2e.AdminHttp.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.e2e.AdminHttp.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over real HTTP, with real MQTT clients (Paho) making the state it shows. */
class HttpApiTest {

    @TempDir
    Path dir;
    private AdminHttp api;
    private PahoClients paho;
    private Paho5Clients paho5;

    @BeforeEach
    void start() throws Exception {
        api = AdminHttp.start(dir);
        paho = new PahoClients(api.broker());
        paho5 = new Paho5Clients(api.broker());
    }

    @AfterEach
    void stop() {
        paho.close();
        paho5.close();
        api.close();
    }

    // ---- authentication ----

    @Test
    void everyDataEndpointNeedsCredentials() throws Exception {
        for (String path : List.of("/metrics", "/api/v1/stats", "/api/v1/clients", "/api/v1/clients/x",
                "/api/v1/subscriptions", "/api/v1/retained", "/api/v1/listeners", "/api/v1/bridges")) {
            Response response = api.get(path, null).assertError(401);
            assertEquals("Basic realm=\"culex\", charset=\"UTF-8\"",
                    response.headers().firstValue("WWW-Authenticate").orElse(null), path);
        }
        api.post("/api/v1/publish", null, "{\"topic\":\"a\"}").assertError(401);
        api.post("/api/v1/clients/x/disconnect", null, null).assertError(401);
        api.delete("/api/v1/retained?topic=a", null).assertError(401);
    }

    @Test
    void aScriptIsChallengedWithoutTriggeringTheBrowsersPasswordPrompt() throws Exception {
        Response response = api.send("GET", "/api/v1/stats", null, null, "X-Requested-With", "culex-dashboard")
                .assertError(401);
        assertEquals("Bearer realm=\"culex\"", response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    void wrongCredentialsAreRefusedAndAUserWithoutTheAdminRoleIsForbidden() throws Exception {
        api.get("/api/v1/stats", basic(AdminHttp.ADMIN, "wrong")).assertError(401);
        api.get("/api/v1/stats", basic("nobody", "x")).assertError(401);
        api.get("/api/v1/stats", "Bearer not-the-token-at-all").assertError(401);
        api.get("/api/v1/stats", "Digest abc").assertError(401);
        api.get("/api/v1/stats", "Basic !!!not-base64").assertError(401);
        api.get("/api/v1/stats", basic(AdminHttp.USER, AdminHttp.USER_PASSWORD)).assertError(403);

        assertEquals(200, api.get("/api/v1/stats", admin()).status());
        assertEquals(200, api.get("/api/v1/stats", bearer()).status());
        assertEquals(200, api.get("/metrics", bearer()).status());
    }

    @Test
    void repeatedFailuresFromOneHostAreThrottledEvenWithTheRightPasswordThen() throws Exception {
        for (int i = 0; i < 5; i++) {
            api.get("/api/v1/stats", basic(AdminHttp.ADMIN, "guess-" + i)).assertError(401);
        }
        api.get("/api/v1/stats", basic(AdminHttp.ADMIN, "guess-5")).assertError(401); // starts the lockout
        Response locked = api.get("/api/v1/stats", admin()).assertError(429);
        assertTrue(locked.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void theDashboardsFilesAreServedWithoutCredentialsAndNothingElseIs() throws Exception {
        Response index = api.get("/", null);
        assertEquals(200, index.status());
        assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(index.body().contains("<script src=\"dashboard.js\"></script>"));
        assertTrue(index.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals(200, api.get("/dashboard.js", null).status());
        assertEquals(200, api.get("/dashboard.css", null).status());
        api.get("/../pom.xml", null).assertError(404);
        api.get("/io/culex/adapters/netty/http/dashboard/index.html", null).assertError(404);
        api.post("/", null, "x").assertError(405);
    }

    // ---- clients ----

    @Test
    void clientsAreListedPagedAndFilteredByIdUsernameAndAddress() throws Exception {
        paho.connect("sensor-1", PahoClients.MQTT_3_1_1, true);
        paho.connect("sensor-2", PahoClients.MQTT_3_1_1, true);
        MqttConnectOptions asViewer = paho.options(PahoClients.MQTT_3_1_1, true);
        asViewer.setUserName(AdminHttp.USER);
        asViewer.setPassword(AdminHttp.USER_PASSWORD.toCharArray());
        paho.connect("panel", asViewer);

        Map<String, Object> first = api.get("/api/v1/clients?size=2", admin()).json();
        assertEquals(3L, first.get("total"));
        assertEquals(List.of("panel", "sensor-1"), ids(first));
        assertEquals(List.of("sensor-2"), ids(api.get("/api/v1/clients?size=2&page=1", admin()).json()));
        assertEquals(List.of("sensor-1", "sensor-2"), ids(api.get("/api/v1/clients?id=SENSOR", admin()).json()));
        Map<String, Object> byUser = api.get("/api/v1/clients?username=view", admin()).json();
        assertEquals(List.of("panel"), ids(byUser));
        assertEquals(AdminHttp.USER, clients(byUser).get(0).get("username"));
        assertEquals(3L, api.get("/api/v1/clients?address=127.0.0.1", admin()).json().get("total"));
        assertEquals(0L, api.get("/api/v1/clients?address=10.9.8.7", admin()).json().get("total"));

        api.get("/api/v1/clients?size=0", admin()).assertError(400);
        api.get("/api/v1/clients?page=-1", admin()).assertError(400);
        api.get("/api/v1/clients?size=abc", admin()).assertError(400);
    }

    @Test
    void aClientsDetailShowsItsConnectionAndSessionAndAnUnknownOneIs404() throws Exception {
        PahoClients.Client sensor = paho.connect("sensor/7", PahoClients.MQTT_3_1_1, false);
        sensor.subscribe("cmd/7/#", 1);
        sensor.subscribe("broadcast", 0);
        paho5.connect("v5-client");

        Map<String, Object> detail = api.get("/api/v1/clients/sensor%2F7", admin()).json();
        assertEquals("sensor/7", detail.get("clientId"));
        assertEquals(true, detail.get("connected"));
        assertEquals("3.1.1", detail.get("protocol"));
        assertEquals(60L, detail.get("keepAlive"));
        assertTrue(((String) detail.get("address")).contains("127.0.0.1"));
        assertNotNull(detail.get("connectedSince"));
        @SuppressWarnings("unchecked")
        Map<String, Object> session = (Map<String, Object>) detail.get("session");
        assertEquals(true, session.get("persistent"));
        assertEquals(0L, session.get("inflight"));
        assertEquals(0L, session.get("queued"));
        assertEquals(Set.of("cmd/7/#", "broadcast"), filters((List<?>) session.get("subscriptions")));

        assertEquals("5", api.get("/api/v1/clients/v5-client", admin()).json().get("protocol"));
        api.get("/api/v1/clients/no-such-client", admin()).assertError(404);
        api.delete("/api/v1/clients/v5-client", admin()).assertError(405);
    }

    @Test
    void disconnectingAnMqtt5ClientSendsAdministrativeActionAndKeepsItsPersistentSession() throws Exception {
        Paho5Clients.Client v5 = paho5.connect("v5-client");
        PahoClients.Client v3 = paho.connect("v3-client", PahoClients.MQTT_3_1_1, false);

        assertEquals("v5-client", api.post("/api/v1/clients/v5-client/disconnect", admin(), null).json()
                .get("disconnected"));
        assertEquals(0x98, v5.awaitDisconnect().getReturnCode());

        api.post("/api/v1/clients/v3-client/disconnect", bearer(), null);
        RawAwait.untilEquals("the 3.1.1 client's connection closed", 1, () -> v3.connectionLost != null ? 1 : 0,
                java.time.Duration.ofSeconds(10));
        Map<String, Object> offline = api.get("/api/v1/clients/v3-client", admin()).json();
        assertEquals(false, offline.get("connected"), "its persistent session stays, offline");

        api.post("/api/v1/clients/v3-client/disconnect", admin(), null).assertError(404);
        api.post("/api/v1/clients/nobody/disconnect", admin(), null).assertError(404);
        Response wrongMethod = api.get("/api/v1/clients/v5-client/disconnect", admin()).assertError(405);
        assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElse(null));
    }

    // ---- subscriptions ----

    @Test
    void subscriptionsOfEverySessionAreListedAndFiltered() throws Exception {
        paho.connect("a", PahoClients.MQTT_3_1_1, true).subscribe("sensors/#", 1);
        PahoClients.Client b = paho.connect("b", PahoClients.MQTT_3_1_1, true);
        b.subscribe("sensors/+/temp", 0);
        b.subscribe("alerts", 2);

        Map<String, Object> all = api.get("/api/v1/subscriptions", admin()).json();
        assertEquals(3L, all.get("total"));
        List<Map<String, Object>> entries = items(all, "subscriptions");
        assertEquals(List.of("a sensors/#", "b alerts", "b sensors/+/temp"), entries.stream()
                .map(e -> e.get("clientId") + " " + e.get("filter")).collect(Collectors.toList()));
        assertEquals(2L, entries.get(1).get("qos"));
        assertEquals(2L, api.get("/api/v1/subscriptions?filter=sensors", admin()).json().get("total"));
        assertEquals(2L, api.get("/api/v1/subscriptions?client=b", admin()).json().get("total"));
    }

    // ---- retained ----

    @Test
    void retainedMessagesAreBrowsedByFilterAndDeletedOneByOne() throws Exception {
        PahoClients.Client publisher = paho.connect("publisher", PahoClients.MQTT_3_1_1, true);
        publisher.publish("home/kitchen/temp", "21.5", 1, true);
        publisher.publish("home/hall/temp", "19.0", 1, true);
        publisher.publish("office/temp", "23.0", 1, true);
        publisher.paho.publish("home/raw", new byte[] {(byte) 0xff, 0, 1}, 1, true);

        Map<String, Object> home = api.get("/api/v1/retained?filter=home/%2B/temp", admin()).json();
        List<Map<String, Object>> messages = items(home, "messages");
        assertEquals(List.of("home/hall/temp", "home/kitchen/temp"),
                messages.stream().map(m -> m.get("topic")).collect(Collectors.toList()));
        assertEquals("21.5", messages.get(1).get("payload"));
        assertEquals(1L, messages.get(1).get("qos"));
        Map<String, Object> raw = items(api.get("/api/v1/retained?filter=home/raw", admin()).json(), "messages").get(0);
        assertEquals("base64", raw.get("encoding"));
        assertEquals("/wAB", raw.get("payload"));
        assertEquals(4L, api.get("/api/v1/retained", admin()).json().get("total"), "default filter #");

        api.get("/api/v1/retained?filter=home/%23/temp", admin()).assertError(400);
        api.get("/api/v1/retained?filter=", admin()).assertError(400);

        assertEquals("home/hall/temp", api.delete("/api/v1/retained?topic=home/hall/temp", admin()).json()
                .get("deleted"));
        assertEquals(List.of("home/kitchen/temp"), items(api.get("/api/v1/retained?filter=home/%2B/temp",
                admin()).json(), "messages").stream().map(m -> m.get("topic")).collect(Collectors.toList()));
        api.delete("/api/v1/retained?topic=home/hall/temp", admin()).assertError(404);
        api.delete("/api/v1/retained?topic=home/%2B", admin()).assertError(400);
        api.delete("/api/v1/retained", admin()).assertError(400);
        api.post("/api/v1/retained", admin(), "{}").assertError(405);
    }

    // ---- publish ----

    @Test
    void aPublishedMessageReachesSubscribersAndCanBeRetained() throws Exception {
        PahoClients.Client subscriber = paho.connect("subscriber", PahoClients.MQTT_3_1_1, true);
        subscriber.subscribe("alerts/#", 1);

        Map<String, Object> result = api.post("/api/v1/publish", admin(),
                "{\"topic\":\"alerts/fire\",\"payload\":\"évacuez\",\"qos\":1,\"retain\":true}").json();
        assertEquals(1L, result.get("deliveredTo"));
        PahoClients.Received received = subscriber.next();
        assertEquals("alerts/fire", received.topic());
        assertEquals("évacuez", received.payload());
        assertEquals(1, received.qos());
        assertEquals(1L, api.get("/api/v1/retained?filter=alerts/fire", admin()).json().get("total"));

        api.post("/api/v1/publish", admin(), "{\"topic\":\"alerts/bin\",\"payloadBase64\":\"AAEC\"}");
        assertEquals("\u0000\u0001\u0002", subscriber.next().payload());
    }

    @Test
    void badPublishRequestsAre400() throws Exception {
        api.post("/api/v1/publish", admin(), "{\"topic\":").assertError(400);
        api.post("/api/v1/publish", admin(), "not json").assertError(400);
        api.post("/api/v1/publish", admin(), "[1,2]").assertError(400);
        api.post("/api/v1/publish", admin(), "{\"payload\":\"x\"}").assertError(400);
        api.post("/api/v1/publish", admin(), "{\"topic\":\"a/+\",\"payload\":\"x\"}").assertError(400);
        api.post("/api/v1/publish", admin(), "{\"topic\":\"a\",\"qos\":3}").assertError(400);
        api.post("/api/v1/publish", admin(), "{\"topic\":\"a\",\"qos\":\"1\"}").assertError(400);
        api.post("/api/v1/publish", admin(), "{\"topic\":\"a\",\"retain\":1}").assertError(400);
        api.post("/api/v1/publish", admin(), "{\"topic\":\"a\",\"payloadBase64\":\"***\"}").assertError(400);
        api.get("/api/v1/publish", admin()).assertError(405);
    }

    // ---- bridges ----

    @Test
    void bridgesAreListedWithTheirStateAndTrafficAndOneCanBeAskedForByName() throws Exception {
        try (AdminHttp bridged = AdminHttp.start(Files.createDirectories(dir.resolve("bridged")),
                FixedBridges.cloudAndBackup())) {
            List<Map<String, Object>> bridges = items(bridged.get("/api/v1/bridges", bearer()).json(), "bridges");
            assertEquals(List.of("cloud", "backup"), bridges.stream().map(b -> b.get("name")).toList(),
                    "in configuration order");
            Map<String, Object> cloud = bridges.get(0);
            assertEquals("connected", cloud.get("state"));
            assertEquals("10.0.0.5:8883", cloud.get("address"));
            assertEquals("2023-11-14T22:13:20Z", cloud.get("connectedSince"));
            assertEquals(120L, cloud.get("messagesSent"));
            assertEquals(45L, cloud.get("messagesReceived"));
            assertEquals(3L, cloud.get("queued"));
            assertEquals(2L, cloud.get("dropped"));
            assertEquals(4L, cloud.get("connectAttempts"));
            assertEquals(1L, cloud.get("connectFailures"));
            assertEquals("connection reset by the remote", cloud.get("lastError"));

            Map<String, Object> backup = bridged.get("/api/v1/bridges/backup", admin()).json();
            assertEquals("waiting_to_retry", backup.get("state"));
            assertEquals("[fd00::7]:1883", backup.get("address"));
            assertTrue(backup.containsKey("connectedSince"));
            assertNull(backup.get("connectedSince"), "not connected");
            assertEquals(17L, backup.get("queued"));
            assertEquals("CONNACK 0x87 not authorized", backup.get("lastError"));
            assertEquals(bridges.get(1), backup, "the same object as in the list");

            Response unknown = bridged.get("/api/v1/bridges/nowhere", admin()).assertError(404);
            assertEquals("no bridge nowhere", unknown.json().get("error"));
            bridged.get("/api/v1/bridges/cloud/extra", admin()).assertError(404);
            bridged.post("/api/v1/bridges/cloud", admin(), "{}").assertError(405);
            bridged.get("/api/v1/bridges/cloud", null).assertError(401);
        }
    }

    // ---- the broker ----

    @Test
    void statsListenersAndBridgesDescribeTheBroker() throws Exception {
        paho.connect("one", PahoClients.MQTT_3_1_1, true).subscribe("x", 0);
        paho.connect("two", PahoClients.MQTT_3_1_1, true);

        Map<String, Object> stats = api.get("/api/v1/stats", admin()).json();
        assertNotNull(stats.get("version"));
        assertEquals(2L, map(stats, "clients").get("connected"));
        assertEquals(1L, stats.get("subscriptions"));
        assertEquals(2L, map(stats, "connections").get("connects"));

        List<Map<String, Object>> listeners = items(api.get("/api/v1/listeners", admin()).json(), "listeners");
        assertEquals(List.of("mqtt", "http_api"), listeners.stream().map(l -> l.get("protocol"))
                .collect(Collectors.toList()));
        assertEquals((long) api.mqttPort(), listeners.get(0).get("port"));
        assertEquals(2L, listeners.get(0).get("clientsConnected"));
        assertEquals(false, listeners.get(1).get("tls"));

        assertEquals(List.of(), api.get("/api/v1/bridges", admin()).json().get("bridges"), "none configured");
        api.get("/api/v1/bridges/cloud", admin()).assertError(404);
        api.get("/api/v1/nothing-here", admin()).assertError(404);
        api.get("/api/v2/stats", admin()).assertError(404);
        api.post("/api/v1/stats", admin(), "{}").assertError(405);
    }

    // ---- helpers ----

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page, String name) {
        return (List<Map<String, Object>>) page.get(name);
    }

    private static List<Map<String, Object>> clients(Map<String, Object> page) {
        return items(page, "clients");
    }

    private static List<Object> ids(Map<String, Object> page) {
        return clients(page).stream().map(c -> c.get("clientId")).collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> json, String name) {
        return (Map<String, Object>) json.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> filters(List<?> subscriptions) {
        return subscriptions.stream().map(s -> ((Map<String, Object>) s).get("filter")).collect(Collectors.toSet());
    }
}
