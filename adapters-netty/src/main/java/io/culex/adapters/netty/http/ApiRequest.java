package io.culex.adapters.netty.http;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request, in JDK types: what {@link HttpApi} needs of it.
 *
 * @param method        upper case, such as GET
 * @param segments      the path's segments, each percent-decoded ("/api/v1/clients/a%2Fb" gives api, v1, clients, a/b)
 * @param query         the query parameters, decoded
 * @param authorization the Authorization header, or null
 * @param fromScript    whether the request says it comes from a script (X-Requested-With), which must not make
 *                      the browser prompt for a password
 * @param body          the body, empty for none
 * @param remoteAddress the client's address, for throttling and logs
 */
public record ApiRequest(String method, List<String> segments, Map<String, List<String>> query, String authorization,
                         boolean fromScript, byte[] body, String remoteAddress) {

    public ApiRequest {
        segments = List.copyOf(segments);
        query = Map.copyOf(query);
    }

    /** The last value of a query parameter, or null. */
    String parameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** An integer query parameter, or {@code fallback} when absent. */
    int intParameter(String name, int fallback) {
        String value = parameter(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("query parameter " + name + " must be an integer, got '" + value + "'");
        }
    }

    String path() {
        return "/" + String.join("/", segments);
    }
}
