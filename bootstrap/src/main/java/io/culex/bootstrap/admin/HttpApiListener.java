package io.culex.bootstrap.admin;

import io.culex.adapters.netty.http.HttpApi;
import io.culex.application.admin.AdminAccess;
import io.culex.application.admin.AdminService;
import io.culex.application.admin.MetricsReport;
import io.culex.application.security.LoginThrottle;
import io.culex.bootstrap.config.HttpApiConfig;
import io.culex.bootstrap.security.Authentication;
import io.culex.domain.port.Authenticator;
import io.culex.domain.port.Clock;
import java.util.HashSet;

/** One http_api listener's API, with who may use it (from its http_api_* keys) and what SIGHUP reloads. */
public final class HttpApiListener {

    private final HttpApi api;
    private final TokenFile token;

    private HttpApiListener(HttpApi api, TokenFile token) {
        this.api = api;
        this.token = token;
    }

    /**
     * @param authentication the listener's security (its own with per_listener_settings true, else the broker's):
     *                       http_api_users are checked against its password file
     * @param where          names the listener in errors
     * @throws HttpApiException if users are named without a password file, or the token file is unusable
     */
    public static HttpApiListener create(HttpApiConfig config, Authentication authentication, AdminService admin,
                                         MetricsReport metrics, String version, Clock clock, String where) {
        Authenticator passwords = authentication.passwordCheck().orElse(null);
        if (!config.users().isEmpty() && passwords == null) {
            throw new HttpApiException(where + ": http_api_users " + String.join(" ", config.users())
                    + " needs a password_file to check their passwords against.", null);
        }
        TokenFile token = config.tokenFile() == null ? null : TokenFile.load(config.tokenFile());
        AdminAccess access = new AdminAccess(passwords, new HashSet<>(config.users()), token,
                config.allowAnonymous(), new LoginThrottle(clock));
        return new HttpApiListener(new HttpApi(admin, access, metrics, version), token);
    }

    public HttpApi api() {
        return api;
    }

    /** SIGHUP: the token file (the password file is reloaded with the listener's security). */
    public void reload() {
        if (token != null) {
            token.reload();
        }
    }
}
