package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.culex.application.bridge.BridgeState;
import io.culex.application.bridge.BridgeStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs):
 * sign in, watch a client connect, disconnect it, publish and see the message counted, browse a retained
 * message. Screenshots go to target/dashboard/. Skipped where the browser is not installed.
 */
class DashboardBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "dashboard");

    @TempDir
    Path dir;

    @Test
    void anAdministratorWatchesAndSteersTheBrokerFromTheDashboard() throws Exception {
        assumeTrue(WebDriverSession.available() || System.getenv("CI") != null,
                "needs Debian's chromium and chromium-driver");
        try (AdminHttp api = AdminHttp.start(dir);
             PahoClients paho = new PahoClients(api.broker());
             Paho5Clients paho5 = new Paho5Clients(api.broker());
             WebDriverSession browser = WebDriverSession.start(1280, 900)) {
            browser.open(api.baseUri() + "/");

            // A wrong password is refused on the form, the right one opens the overview.
            browser.type("#login-user", AdminHttp.ADMIN);
            browser.type("#login-password", "not-it");
            browser.click("#login-submit");
            browser.awaitText("#login-error", text -> text.contains("Wrong"), "refused login");
            browser.type("#login-password", AdminHttp.ADMIN_PASSWORD);
            browser.click("#login-submit");
            browser.awaitText("#stat-clients", "0"::equals, "signed in, no clients yet");

            // A client connects: the overview counts it and the clients table shows it, found by search.
            PahoClients.Client subscriber = paho.connect("kitchen-display", PahoClients.MQTT_3_1_1, true);
            subscriber.subscribe("home/#", 1);
            Paho5Clients.Client doomed = paho5.connect("sensor-doomed");
            browser.awaitText("#stat-clients", "2"::equals, "two clients connected");
            browser.click("nav a[data-tab=clients]");
            browser.type("#client-search", "doomed");
            browser.awaitText("#clients-table tbody", text -> text.contains("sensor-doomed")
                    && !text.contains("kitchen-display"), "the search finds the client");
            browser.screenshot(SCREENSHOTS.resolve("clients.png"));

            // Disconnect it from its row: an MQTT 5 client hears 0x98, and it leaves the table.
            browser.click("#clients-table tr[data-client-id=sensor-doomed] button.disconnect");
            assertEquals(0x98, doomed.awaitDisconnect().getReturnCode());
            browser.awaitText("#clients-table tbody", text -> !text.contains("sensor-doomed"), "the client is gone");

            // Publish a retained message from the form: the subscriber gets it and the overview counts it.
            browser.click("nav a[data-tab=publish]");
            browser.type("#publish-topic", "home/kitchen/light");
            browser.type("#publish-payload", "on");
            browser.click("#publish-retain");
            browser.click("#publish-submit");
            browser.awaitText("#publish-result", text -> text.contains("delivered to 1 subscriber"), "published");
            PahoClients.Received received = subscriber.next();
            assertEquals("home/kitchen/light", received.topic());
            assertEquals("on", received.payload());
            browser.click("nav a[data-tab=overview]");
            browser.awaitText("#stat-received", "1"::equals, "the published message counted as received");
            browser.awaitText("#stat-sent", "1"::equals, "and as sent to the subscriber");
            browser.awaitText("#stat-retained", "1"::equals, "and retained");

            // Browse the retained message.
            browser.click("nav a[data-tab=retained]");
            browser.type("#retained-filter", "home/#");
            browser.click("#retained-browse");
            String row = browser.awaitText("#retained-table tr[data-topic='home/kitchen/light']",
                    text -> text.contains("on"), "the retained message is listed");
            assertTrue(row.startsWith("home/kitchen/light"), row);

            // Nothing came from anywhere but the broker.
            Object foreign = browser.script("return performance.getEntriesByType('resource')"
                    + ".filter(function (e) { return e.name.indexOf(location.origin) !== 0; }).length;");
            assertEquals(0L, foreign);

            browser.click("nav a[data-tab=overview]");
            Thread.sleep(4_500); // a few polls, so the charts have lines
            browser.screenshot(SCREENSHOTS.resolve("overview.png"));
            browser.resize(390, 844);
            browser.awaitText("#stat-clients", "1"::equals, "still one client, on a phone-sized window");
            Object fits = browser.script("return document.documentElement.scrollWidth <= window.innerWidth;");
            assertEquals(true, fits, "no sideways scrolling on a phone-sized screen");
            browser.screenshot(SCREENSHOTS.resolve("phone.png"));
        }
    }

    @Test
    void theBridgesTabShowsEachBridgeWithItsStateAndTraffic() throws Exception {
        assumeTrue(WebDriverSession.available() || System.getenv("CI") != null,
                "needs Debian's chromium and chromium-driver");
        FixedBridges bridges = FixedBridges.cloudAndBackup();
        try (AdminHttp api = AdminHttp.start(dir, bridges);
             WebDriverSession browser = WebDriverSession.start(1280, 900)) {
            browser.open(api.baseUri() + "/");
            browser.type("#login-token", AdminHttp.TOKEN);
            browser.click("#login-submit");
            browser.awaitText("#stat-bridges", "1 / 2"::equals, "one of two bridges connected, on the overview");

            browser.click("nav a[data-tab=bridges]");
            String cloud = browser.awaitText("#bridges-table tr[data-bridge=cloud]", text -> !text.isEmpty(),
                    "the cloud bridge's row");
            for (String shown : List.of("cloud", "10.0.0.5:8883", "connected", "2023", "120", "45",
                    "connection reset by the remote")) {
                assertTrue(cloud.contains(shown), shown + " in: " + cloud);
            }
            String backup = browser.text("#bridges-table tr[data-bridge=backup]");
            for (String shown : List.of("[fd00::7]:1883", "waiting to retry", "–", "17", "CONNACK 0x87 not authorized")) {
                assertTrue(backup.contains(shown), shown + " in: " + backup);
            }
            assertEquals("pill on", browser.script(
                    "return document.querySelector('#bridges-table tr[data-bridge=cloud] .pill').className;"));
            assertEquals("pill wait", browser.script(
                    "return document.querySelector('#bridges-table tr[data-bridge=backup] .pill').className;"));
            assertEquals(true, browser.script("return document.getElementById('bridges-empty').hidden;"));
            browser.screenshot(SCREENSHOTS.resolve("bridges.png"));

            // The backup bridge connects: the next poll shows it.
            bridges.set(FixedBridges.CLOUD, new BridgeStatus("backup", BridgeState.CONNECTED, "[fd00::7]:1883",
                    FixedBridges.CONNECTED_SINCE, 17, 0, 0, 5, 10, 9, null));
            browser.awaitText("#bridges-table tr[data-bridge=backup]", text -> text.contains("connected")
                    && !text.contains("retry") && !text.contains("CONNACK"), "the backup bridge connected");
            browser.click("nav a[data-tab=overview]");
            browser.awaitText("#stat-bridges", "2 / 2"::equals, "both bridges connected");
        }
    }

    @Test
    void withoutBridgesTheTabSaysHowToAddOne() throws Exception {
        assumeTrue(WebDriverSession.available() || System.getenv("CI") != null,
                "needs Debian's chromium and chromium-driver");
        try (AdminHttp api = AdminHttp.start(dir);
             WebDriverSession browser = WebDriverSession.start(1280, 900)) {
            browser.open(api.baseUri() + "/");
            browser.type("#login-token", AdminHttp.TOKEN);
            browser.click("#login-submit");
            browser.awaitText("#stat-bridges", "none"::equals, "no bridge configured");
            browser.click("nav a[data-tab=bridges]");
            String empty = browser.awaitText("#bridges-empty", text -> !text.isEmpty(), "the empty-table note");
            assertTrue(empty.contains("connection"), empty);
            assertEquals(0L, browser.script("return document.querySelectorAll('#bridges-table tbody tr').length;"));
        }
    }
}
