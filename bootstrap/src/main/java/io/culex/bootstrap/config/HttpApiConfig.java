package io.culex.bootstrap.config;

import java.util.List;

/**
 * Who may use an HTTP API listener ({@code protocol http_api}): Culex's own keys of that listener block.
 *
 * @param users          {@code http_api_users}: password-file users with the admin role (Basic authentication)
 * @param tokenFile      {@code http_api_token_file}: a file holding the bearer token, or null
 * @param allowAnonymous {@code http_api_allow_anonymous}: requests without credentials are served (off unless set)
 */
public record HttpApiConfig(List<String> users, String tokenFile, boolean allowAnonymous) {

    public HttpApiConfig {
        users = List.copyOf(users);
    }

    /** Whether anyone at all can get in: a listener nobody can use is a configuration mistake. */
    boolean admitsSomeone() {
        return !users.isEmpty() || tokenFile != null || allowAnonymous;
    }
}
