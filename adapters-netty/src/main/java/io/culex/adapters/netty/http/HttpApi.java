package io.culex.adapters.netty.http;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import io.culex.application.admin.AdminAccess;
import io.culex.application.admin.AdminCredentials;
import io.culex.application.admin.AdminService;
import io.culex.application.admin.AdminUnavailableException;
import io.culex.application.admin.MetricsReport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an HTTP API listener serves: the dashboard's files, and behind authentication {@code /metrics}
 * (Prometheus) and the JSON API under {@code /api/v1}. Plain Java: the Netty handler only carries requests to it
 * and responses back. Thread-safe; it may block briefly (session reads), so it is called off the event loops.
 */
public final class HttpApi {

    private static final System.Logger LOG = System.getLogger("io.culex.admin");
    private static final String REALM = "culex";

    private final AdminAccess access;
    private final AdminApi api;
    private final MetricsReport metrics;
    private final DashboardFiles dashboard = new DashboardFiles();

    public HttpApi(AdminService admin, AdminAccess access, MetricsReport metrics, String version) {
        this.access = access;
        this.api = new AdminApi(admin, version);
        this.metrics = metrics;
    }

    public ApiResponse handle(ApiRequest request) {
        try {
            ApiResponse response = route(request);
            return response.withHeader("X-Content-Type-Options", "nosniff");
        } catch (ApiException e) {
            return e.toResponse().withHeader("X-Content-Type-Options", "nosniff");
        } catch (AdminUnavailableException e) {
            return ApiException.unavailable(e.getMessage()).toResponse();
        } catch (RuntimeException e) {
            LOG.log(ERROR, () -> "Error: admin API request " + request.method() + " " + request.path() + " failed: "
                    + e, e);
            return ApiResponse.error(500, "internal error");
        }
    }

    private ApiResponse route(ApiRequest request) {
        List<String> segments = request.segments();
        boolean apiPath = segments.size() >= 2 && segments.get(0).equals("api") && segments.get(1).equals("v1");
        boolean metricsPath = segments.size() == 1 && segments.get(0).equals("metrics");
        if (!apiPath && !metricsPath) {
            if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
                throw ApiException.methodNotAllowed(request.method(), request.path(), "GET");
            }
            return dashboard.get(request.path())
                    .orElseThrow(() -> ApiException.notFound("no such resource: " + request.path()));
        }
        ApiResponse refusal = authenticate(request);
        if (refusal != null) {
            return refusal;
        }
        ApiResponse response;
        if (metricsPath) {
            if (!request.method().equals("GET")) {
                throw ApiException.methodNotAllowed(request.method(), request.path(), "GET");
            }
            response = new ApiResponse(200, PrometheusText.CONTENT_TYPE,
                    PrometheusText.write(metrics.collect()).getBytes(StandardCharsets.UTF_8), Map.of());
        } else {
            response = api.handle(request, segments.subList(2, segments.size()));
            if (!request.method().equals("GET")) { // changes are logged, reads are not
                int status = response.status();
                LOG.log(INFO, () -> "Admin API: " + request.method() + " " + request.path() + " from "
                        + request.remoteAddress() + ": " + status + ".");
            }
        }
        return response.withHeader("Cache-Control", "no-store");
    }

    /** Null when the request may proceed, else the 401, 403 or 429 answer. */
    private ApiResponse authenticate(ApiRequest request) {
        AdminCredentials credentials;
        try {
            credentials = credentials(request.authorization());
        } catch (IllegalArgumentException e) {
            return unauthorized(request, "malformed Authorization header: " + e.getMessage());
        }
        switch (access.check(request.remoteAddress(), credentials)) {
            case GRANTED:
                return null;
            case FORBIDDEN:
                return ApiResponse.error(403, "this user does not have the admin role (http_api_users)");
            case THROTTLED:
                return ApiResponse.error(429, "too many failed logins from this host; try again later")
                        .withHeader("Retry-After", "60");
            default:
                return unauthorized(request, credentials == AdminCredentials.NONE
                        ? "authentication required" : "invalid credentials");
        }
    }

    /**
     * 401 with the challenge. A script (the dashboard) gets a Bearer challenge only: a Basic one would make the
     * browser open its own password prompt over the page's login form.
     */
    private static ApiResponse unauthorized(ApiRequest request, String message) {
        String challenge = request.fromScript() ? "Bearer realm=\"" + REALM + "\""
                : "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
        return ApiResponse.error(401, message).withHeader("WWW-Authenticate", challenge);
    }

    /** Decodes {@code Basic base64(user:password)} or {@code Bearer token}; no header means no credentials. */
    static AdminCredentials credentials(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return AdminCredentials.NONE;
        }
        String header = authorization.trim();
        int space = header.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("expected a scheme and credentials");
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String value = header.substring(space + 1).trim();
        if (scheme.equals("bearer")) {
            return AdminCredentials.bearer(value.getBytes(StandardCharsets.UTF_8));
        }
        if (!scheme.equals("basic")) {
            throw new IllegalArgumentException("scheme must be Basic or Bearer");
        }
        String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Basic credentials without ':'");
        }
        return AdminCredentials.basic(decoded.substring(0, colon),
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
    }
}
