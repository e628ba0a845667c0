package io.culex.adapters.netty.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP response, in JDK types.
 *
 * @param headers extra headers besides Content-Type and Content-Length
 */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    static ApiResponse json(int status, JsonWriter json) {
        return new ApiResponse(status, JSON, json.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static ApiResponse ok(JsonWriter json) {
        return json(200, json);
    }

    /** {@code {"error": message, "status": status}}. */
    static ApiResponse error(int status, String message) {
        return json(status, new JsonWriter().beginObject().member("error", message).member("status", status)
                .endObject());
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, contentType, body, more);
    }
}
