package io.culex.application.admin;

import java.util.Objects;

/**
 * What a request presented to prove who sends it: nothing, a username and password (HTTP Basic), or a bearer
 * token. The transport decodes them; {@link AdminAccess} judges them.
 */
public final class AdminCredentials {

    public static final AdminCredentials NONE = new AdminCredentials(null, null, null);

    private final String username;
    private final byte[] password;
    private final byte[] token;

    private AdminCredentials(String username, byte[] password, byte[] token) {
        this.username = username;
        this.password = password;
        this.token = token;
    }

    public static AdminCredentials basic(String username, byte[] password) {
        return new AdminCredentials(Objects.requireNonNull(username), password.clone(), null);
    }

    public static AdminCredentials bearer(byte[] token) {
        return new AdminCredentials(null, null, token.clone());
    }

    boolean isNone() {
        return username == null && token == null;
    }

    String username() {
        return username;
    }

    byte[] password() {
        return password;
    }

    byte[] token() {
        return token;
    }
}
