package io.culex.adapters.netty.http;

import io.culex.application.admin.AdminService;
import io.culex.application.admin.ClientFilter;
import io.culex.application.admin.Page;
import io.culex.application.admin.PublishCommand;
import io.culex.domain.message.QoS;
import io.culex.domain.topic.InvalidTopicException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The JSON admin API under {@code /api/v1}: one method per resource. Requests reach it authenticated; what it
 * refuses it throws as an {@link ApiException}.
 */
final class AdminApi {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PUBLISH_PAYLOAD = 256 * 1024;

    private final AdminService admin;
    private final String version;

    AdminApi(AdminService admin, String version) {
        this.admin = admin;
        this.version = version;
    }

    /** @param path the segments after /api/v1 */
    ApiResponse handle(ApiRequest request, List<String> path) {
        String resource = path.isEmpty() ? "" : path.get(0);
        switch (resource) {
            case "stats":
                only(request, path, 1, "GET");
                return ApiResponse.ok(AdminJson.stats(admin.stats(), version));
            case "clients":
                return clients(request, path);
            case "subscriptions":
                only(request, path, 1, "GET");
                return ApiResponse.ok(AdminJson.page(admin.subscriptions(request.parameter("client"),
                        request.parameter("filter"), page(request), size(request)), "subscriptions",
                        AdminJson::subscriptionEntry));
            case "retained":
                return retained(request, path);
            case "publish":
                only(request, path, 1, "POST");
                return publish(request);
            case "listeners":
                only(request, path, 1, "GET");
                return ApiResponse.ok(AdminJson.listeners(admin.listeners()));
            case "bridges":
                return bridges(request, path);
            default:
                throw ApiException.notFound("no such resource: " + request.path());
        }
    }

    private ApiResponse clients(ApiRequest request, List<String> path) {
        if (path.size() == 1) {
            only(request, path, 1, "GET");
            ClientFilter filter = new ClientFilter(request.parameter("id"), request.parameter("username"),
                    request.parameter("address"));
            return ApiResponse.ok(AdminJson.page(admin.clients(filter, page(request), size(request)), "clients",
                    AdminJson::client));
        }
        String clientId = path.get(1);
        if (path.size() == 2) {
            only(request, path, 2, "GET");
            return admin.client(clientId).map(detail -> ApiResponse.ok(AdminJson.clientDetail(detail)))
                    .orElseThrow(() -> ApiException.notFound("no client " + clientId));
        }
        if (path.size() == 3 && path.get(2).equals("disconnect")) {
            only(request, path, 3, "POST");
            if (!admin.disconnect(clientId)) {
                throw ApiException.notFound("no connected client " + clientId);
            }
            return ApiResponse.ok(new JsonWriter().beginObject().member("disconnected", clientId).endObject());
        }
        throw ApiException.notFound("no such resource: " + request.path());
    }

    private ApiResponse bridges(ApiRequest request, List<String> path) {
        if (path.size() == 1) {
            only(request, path, 1, "GET");
            return ApiResponse.ok(AdminJson.bridges(admin.bridges()));
        }
        only(request, path, 2, "GET");
        String name = path.get(1);
        return admin.bridge(name).map(bridge -> ApiResponse.ok(AdminJson.bridge(bridge)))
                .orElseThrow(() -> ApiException.notFound("no bridge " + name));
    }

    private ApiResponse retained(ApiRequest request, List<String> path) {
        if (path.size() != 1) {
            throw ApiException.notFound("no such resource: " + request.path());
        }
        try {
            if (request.method().equals("GET")) {
                String filter = request.parameter("filter");
                return ApiResponse.ok(AdminJson.page(admin.retained(filter == null ? "#" : filter, page(request),
                        size(request)), "messages", AdminJson::retained));
            }
            if (request.method().equals("DELETE")) {
                String topic = request.parameter("topic");
                if (topic == null) {
                    throw ApiException.badRequest("query parameter topic is required");
                }
                if (!admin.deleteRetained(topic)) {
                    throw ApiException.notFound("no retained message on " + topic);
                }
                return ApiResponse.ok(new JsonWriter().beginObject().member("deleted", topic).endObject());
            }
        } catch (InvalidTopicException e) {
            throw ApiException.badRequest("invalid topic: " + e.getMessage());
        }
        throw ApiException.methodNotAllowed(request.method(), request.path(), "GET, DELETE");
    }

    /** Body: {"topic": "a/b", "payload": "text", "qos": 0, "retain": false} or "payloadBase64" instead of "payload". */
    private ApiResponse publish(ApiRequest request) {
        Map<String, Object> body = JsonBodies.object(request.body());
        String topic = JsonBodies.string(body, "topic", true);
        String text = JsonBodies.string(body, "payload", false);
        String base64 = JsonBodies.string(body, "payloadBase64", false);
        if (text != null && base64 != null) {
            throw ApiException.badRequest("give payload or payloadBase64, not both");
        }
        byte[] payload;
        try {
            payload = base64 != null ? Base64.getDecoder().decode(base64)
                    : (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("payloadBase64 is not base64: " + e.getMessage());
        }
        if (payload.length > MAX_PUBLISH_PAYLOAD) {
            throw ApiException.badRequest("payload larger than " + MAX_PUBLISH_PAYLOAD + " bytes");
        }
        long qos = JsonBodies.integer(body, "qos", 0);
        if (qos < 0 || qos > 2) {
            throw ApiException.badRequest("qos must be 0, 1 or 2, got " + qos);
        }
        boolean retain = JsonBodies.bool(body, "retain", false);
        try {
            int delivered = admin.publish(new PublishCommand(topic, payload, QoS.of((int) qos), retain));
            return ApiResponse.ok(new JsonWriter().beginObject().member("topic", topic)
                    .member("deliveredTo", delivered).endObject());
        } catch (InvalidTopicException e) {
            throw ApiException.badRequest("invalid topic: " + e.getMessage());
        }
    }

    private static int page(ApiRequest request) {
        int page = request.intParameter("page", 0);
        if (page < 0) {
            throw ApiException.badRequest("page must be 0 or more, got " + page);
        }
        return page;
    }

    private static int size(ApiRequest request) {
        int size = request.intParameter("size", DEFAULT_PAGE_SIZE);
        if (size < 1 || size > Page.MAX_SIZE) {
            throw ApiException.badRequest("size must be 1.." + Page.MAX_SIZE + ", got " + size);
        }
        return size;
    }

    /** The resource is exactly {@code length} segments long and takes {@code method} only. */
    private static void only(ApiRequest request, List<String> path, int length, String method) {
        if (path.size() != length) {
            throw ApiException.notFound("no such resource: " + request.path());
        }
        if (!request.method().equals(method)) {
            throw ApiException.methodNotAllowed(request.method(), request.path(), method);
        }
    }
}
