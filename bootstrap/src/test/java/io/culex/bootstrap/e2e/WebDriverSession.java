package io.culex.bootstrap.e2e;

import io.culex.adapters.netty.http.JsonReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A headless Chromium driven through chromedriver with plain W3C WebDriver calls over java.net.http: no client
 * library needed for the few commands a dashboard test uses.
 */
final class WebDriverSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Process driver;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private WebDriverSession(Process driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Starts chromedriver on a free port and opens a headless browser window of the given size. */
    static WebDriverSession start(int width, int height) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        WebDriverSession session = new WebDriverSession(process, "http://127.0.0.1:" + port);
        try {
            session.awaitDriver();
            Map<String, Object> created = session.call("POST", "/session", "{\"capabilities\":{\"alwaysMatch\":{"
                    + "\"browserName\":\"chrome\",\"goog:chromeOptions\":{\"binary\":" + quote(CHROMIUM.toString())
                    + ",\"args\":[\"--headless=new\",\"--no-sandbox\",\"--disable-gpu\",\"--disable-dev-shm-usage\","
                    + "\"--hide-scrollbars\",\"--window-size=" + width + "," + height + "\"]}}}}");
            @SuppressWarnings("unchecked")
            Map<String, Object> value = (Map<String, Object>) created.get("value");
            return session.withId((String) value.get("sessionId"));
        } catch (IOException | RuntimeException | InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private String session;

    private WebDriverSession withId(String id) {
        this.session = id;
        return this;
    }

    private void awaitDriver() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                Map<String, Object> status = call("GET", "/status", null);
                @SuppressWarnings("unchecked")
                Map<String, Object> value = (Map<String, Object>) status.get("value");
                if (Boolean.TRUE.equals(value.get("ready"))) {
                    return;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(50);
        }
    }

    void open(String url) throws IOException, InterruptedException {
        command("POST", "/url", "{\"url\":" + quote(url) + "}");
    }

    void resize(int width, int height) throws IOException, InterruptedException {
        command("POST", "/window/rect", "{\"width\":" + width + ",\"height\":" + height + "}");
    }

    /** The element matching a CSS selector, waiting for it to appear. */
    String find(String css) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HttpResponse<String> response = raw("POST", "/session/" + session + "/element",
                    "{\"using\":\"css selector\",\"value\":" + quote(css) + "}");
            if (response.statusCode() == 200) {
                @SuppressWarnings("unchecked")
                Map<String, Object> element = (Map<String, Object>) json(response).get("value");
                return (String) element.get(ELEMENT);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no element " + css + " within " + WAIT.toSeconds() + " s: " + response.body());
            }
            Thread.sleep(50);
        }
    }

    void click(String css) throws IOException, InterruptedException {
        command("POST", "/element/" + find(css) + "/click", "{}");
    }

    void type(String css, String text) throws IOException, InterruptedException {
        String element = find(css);
        command("POST", "/element/" + element + "/clear", "{}");
        command("POST", "/element/" + element + "/value", "{\"text\":" + quote(text) + "}");
    }

    String text(String css) throws IOException, InterruptedException {
        return (String) command("GET", "/element/" + find(css) + "/text", null);
    }

    /** Waits until the text of {@code css} passes {@code test}; returns it. */
    String awaitText(String css, Predicate<String> test, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            Object value = script("var e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
            last = value == null ? null : (String) value;
            if (last != null && test.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + ": " + css + " had '" + last + "' after " + WAIT.toSeconds() + " s");
    }

    /** Runs JavaScript in the page; {@code args} are strings. */
    Object script(String body, String... args) throws IOException, InterruptedException {
        StringBuilder list = new StringBuilder();
        for (String arg : args) {
            list.append(list.length() == 0 ? "" : ",").append(quote(arg));
        }
        return command("POST", "/execute/sync", "{\"script\":" + quote(body) + ",\"args\":[" + list + "]}");
    }

    void screenshot(Path file) throws IOException, InterruptedException {
        String png = (String) command("GET", "/screenshot", null);
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    private Object command(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = raw(method, "/session/" + session + path, body);
        if (response.statusCode() != 200) {
            throw new AssertionError("WebDriver " + method + " " + path + ": " + response.statusCode() + " "
                    + response.body());
        }
        return json(response).get("value");
    }

    private Map<String, Object> call(String method, String path, String body) throws IOException, InterruptedException {
        return json(raw(method, path, body));
    }

    private HttpResponse<String> raw(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) {
        return (Map<String, Object>) JsonReader.parse(response.body());
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                raw("DELETE", "/session/" + session, null);
            }
        } catch (IOException | InterruptedException ignored) {
            // the driver is stopped next anyway
        } finally {
            driver.destroy();
            try {
                if (!driver.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    driver.destroyForcibly();
                }
            } catch (InterruptedException e) {
                driver.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

}
