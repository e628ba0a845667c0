package io.culex.bootstrap.admin;

/** An HTTP API listener cannot be set up (its token file, or users without a password file): the broker does not start. */
public final class HttpApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HttpApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
