package io.culex.adapters.netty.http;

/** A request the API refuses, with the HTTP status and the message of its JSON error body. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String allow;

    private ApiException(int status, String message, String allow) {
        super(message);
        this.status = status;
        this.allow = allow;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message, null);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message, null);
    }

    /** @param allow the methods the resource does take, for the Allow header */
    static ApiException methodNotAllowed(String method, String path, String allow) {
        return new ApiException(405, method + " is not allowed on " + path + " (allowed: " + allow + ")", allow);
    }

    static ApiException unavailable(String message) {
        return new ApiException(503, message, null);
    }

    ApiResponse toResponse() {
        ApiResponse response = ApiResponse.error(status, getMessage());
        return allow == null ? response : response.withHeader("Allow", allow);
    }
}
