package io.culex.adapters.netty;

/** A listener could not be opened. */
public final class TransportException extends RuntimeException {

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
