package io.culex.adapters.netty.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads a request body as a JSON object and its members with their expected types; anything else is a 400. */
final class JsonBodies {

    private JsonBodies() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(byte[] body) {
        Object parsed;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            parsed = JsonReader.parse(text);
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("the body is not UTF-8");
        } catch (JsonReader.JsonException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map)) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        return (Map<String, Object>) parsed;
    }

    static String string(Map<String, Object> body, String name, boolean required) {
        Object value = body.get(name);
        if (value == null) {
            if (required) {
                throw ApiException.badRequest("\"" + name + "\" is required");
            }
            return null;
        }
        if (!(value instanceof String)) {
            throw ApiException.badRequest("\"" + name + "\" must be a string");
        }
        return (String) value;
    }

    static long integer(Map<String, Object> body, String name, long fallback) {
        Object value = body.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Long)) {
            throw ApiException.badRequest("\"" + name + "\" must be an integer");
        }
        return (Long) value;
    }

    static boolean bool(Map<String, Object> body, String name, boolean fallback) {
        Object value = body.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean)) {
            throw ApiException.badRequest("\"" + name + "\" must be true or false");
        }
        return (Boolean) value;
    }
}
