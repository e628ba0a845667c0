package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
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
}
