package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.adapters.netty.http.JsonReader;
import io.culex.application.bridge.BridgeMonitor;
import io.culex.application.security.password.HashAlgorithm;
import io.culex.application.security.password.PasswordHasher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A broker with an MQTT listener and an http_api listener, and an HTTP client for its API. The password file
 * has an administrator ({@link #ADMIN}, named in http_api_users) and a plain user ({@link #USER}); the token
 * file holds {@link #TOKEN}.
 */
final class AdminHttp implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-secret";
    static final String USER = "viewer";
    static final String USER_PASSWORD = "viewer-secret";
    static final String TOKEN = "test-token-0123456789abcdef";

    private final RunningBroker broker;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AdminHttp(RunningBroker broker) {
        this.broker = broker;
    }

    /** Writes the password and token files into {@code dir} and starts the broker with {@code extraLines} too. */
    static AdminHttp start(Path dir, String... extraLines) throws IOException {
        return new AdminHttp(RunningBroker.start(withApiListener(dir, extraLines)));
    }

    /**
     * As {@link #start(Path, String...)}, with the API showing the bridges {@code bridges} reports instead of the
     * configured ones.
     */
    static AdminHttp start(Path dir, BridgeMonitor bridges, String... extraLines) throws IOException {
        return new AdminHttp(RunningBroker.start(bridges, withApiListener(dir, extraLines)));
    }

    private static String[] withApiListener(Path dir, String... extraLines) throws IOException {
        PasswordHasher hasher = new PasswordHasher();
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, ADMIN + ":" + hasher.hash(ADMIN_PASSWORD, HashAlgorithm.SHA512_PBKDF2,
                PasswordHasher.DEFAULT_ITERATIONS).encode() + "\n" + USER + ":" + hasher.hash(USER_PASSWORD,
                HashAlgorithm.SHA512_PBKDF2, PasswordHasher.DEFAULT_ITERATIONS).encode() + "\n");
        Path token = dir.resolve("api.token");
        Files.writeString(token, TOKEN + "\n");
        List<String> lines = new ArrayList<>(List.of("password_file " + passwd, "listener 0 127.0.0.1",
                "protocol http_api", "http_api_users " + ADMIN, "http_api_token_file " + token));
        lines.addAll(List.of(extraLines));
        return lines.toArray(String[]::new);
    }

    RunningBroker broker() {
        return broker;
    }

    int mqttPort() {
        return broker.port();
    }

    String baseUri() {
        return "http://127.0.0.1:" + broker.broker().listeners().get(1).getPort();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String admin() {
        return basic(ADMIN, ADMIN_PASSWORD);
    }

    static String bearer() {
        return "Bearer " + TOKEN;
    }

    /** A response, its body as text. */
    record Response(int status, String body, HttpHeaders headers) {

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) JsonReader.parse(body);
        }

        /** An error answer: a JSON body {"error": ..., "status": status}. */
        Response assertError(int expected) {
            assertEquals(expected, status, body);
            assertEquals((long) expected, json().get("status"), body);
            assertEquals(true, json().get("error") instanceof String, body);
            return this;
        }
    }

    Response get(String path, String authorization) throws IOException, InterruptedException {
        return send("GET", path, authorization, null);
    }

    Response post(String path, String authorization, String body) throws IOException, InterruptedException {
        return send("POST", path, authorization, body);
    }

    Response delete(String path, String authorization) throws IOException, InterruptedException {
        return send("DELETE", path, authorization, null);
    }

    Response send(String method, String path, String authorization, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers());
    }

    @Override
    public void close() {
        broker.close();
    }
}
