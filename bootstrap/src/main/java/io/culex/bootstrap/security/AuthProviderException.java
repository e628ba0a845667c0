package io.culex.bootstrap.security;

/** The configured auth_provider could not be created (bad options, backend unreachable): the broker does not start. */
public final class AuthProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuthProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
