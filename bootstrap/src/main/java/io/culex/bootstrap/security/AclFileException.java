package io.culex.bootstrap.security;

/** The acl_file could not be read or has a bad line; at start-up the broker does not start (as Mosquitto 2.0). */
public final class AclFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AclFileException(String message) {
        super(message);
    }

    public AclFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
