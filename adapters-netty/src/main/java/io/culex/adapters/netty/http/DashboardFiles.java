package io.culex.adapters.netty.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The web dashboard: a few static files read once from the jar. Only these names are served, so no request path
 * can reach any other resource. They hold no broker data (the page fetches that from the API with credentials),
 * so they are served without authentication, which lets the page show its login form.
 */
final class DashboardFiles {

    private static final String BASE = "/io/culex/adapters/netty/http/dashboard/";
    /** URL path to file name and content type. */
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/index.html", new String[] {"index.html", "text/html; charset=utf-8"},
            "/dashboard.css", new String[] {"dashboard.css", "text/css; charset=utf-8"},
            "/dashboard.js", new String[] {"dashboard.js", "text/javascript; charset=utf-8"},
            "/favicon.svg", new String[] {"favicon.svg", "image/svg+xml"});
    /** Nothing is loaded from elsewhere: scripts, styles and images come from this server only. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    private final Map<String, ApiResponse> responses;

    DashboardFiles() {
        Map<String, ApiResponse> loaded = new java.util.HashMap<>();
        FILES.forEach((path, file) -> loaded.put(path, new ApiResponse(200, file[1], read(file[0]), Map.of(
                "Content-Security-Policy", CONTENT_SECURITY_POLICY, "X-Frame-Options", "DENY",
                "Cache-Control", "no-cache"))));
        this.responses = Map.copyOf(loaded);
    }

    /** The file served at {@code path}, if it is one of the dashboard's. */
    Optional<ApiResponse> get(String path) {
        return Optional.ofNullable(responses.get(path));
    }

    private static byte[] read(String name) {
        try (InputStream in = DashboardFiles.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard file missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
