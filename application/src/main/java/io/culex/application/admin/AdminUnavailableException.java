package io.culex.application.admin;

/** A session did not answer in time (its thread is busy or stopping): the request may be retried. */
public final class AdminUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AdminUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
