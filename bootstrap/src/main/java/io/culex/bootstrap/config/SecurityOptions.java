package io.culex.bootstrap.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * allow_anonymous, password_file, acl_file, auth_provider and auth_provider_opt_* as the lines set them:
 * once for the broker, or per listener block with {@code per_listener_settings true}.
 */
final class SecurityOptions {

    /** Null until a line sets it: the default depends on whether any listener is configured. */
    private Boolean allowAnonymous;
    private String passwordFile;
    private String aclFile;
    private String authProvider;
    private String authProviderLocation;
    private final Map<String, String> authProviderOptions = new LinkedHashMap<>();
    private final Map<String, String> authProviderOptionLocations = new HashMap<>();

    void allowAnonymous(boolean value) {
        allowAnonymous = value;
    }

    void passwordFile(String path) {
        passwordFile = path;
    }

    void aclFile(String path) {
        aclFile = path;
    }

    /** One provider per broker (per listener): a second auth_provider line is an error, not a silent override. */
    void authProvider(ConfigLine line, String name) throws ConfigException {
        if (authProviderLocation != null) {
            throw line.error("duplicate value, already set at " + authProviderLocation);
        }
        authProvider = name;
        authProviderLocation = line.location();
    }

    void authProviderOption(ConfigLine line, String option, String value) throws ConfigException {
        String previous = authProviderOptionLocations.putIfAbsent(option, line.location());
        if (previous != null) {
            throw line.error("duplicate value, already set at " + previous);
        }
        authProviderOptions.put(option, value);
    }

    /**
     * @param defaultAllowAnonymous allow_anonymous when no line set it
     * @param where                 "" for the broker-wide options, else " (<listener>)" for warnings
     * @param warnings              receives the warning about auth_provider_opt_* lines without auth_provider
     */
    ListenerSecurityConfig build(boolean defaultAllowAnonymous, String where, List<String> warnings) {
        if (authProvider == null && !authProviderOptions.isEmpty()) {
            warnings.add(ConfigKeys.AUTH_PROVIDER_OPT_PREFIX + "* ignored without auth_provider" + where + ": "
                    + authProviderOptions.keySet());
        }
        return new ListenerSecurityConfig(allowAnonymous != null ? allowAnonymous : defaultAllowAnonymous,
                passwordFile, aclFile,
                authProvider == null ? null : new AuthProviderConfig(authProvider, authProviderOptions, authProviderLocation));
    }

    /** Whether any line set an option here (with per_listener_settings true, for a block without a listener). */
    boolean anySet() {
        return allowAnonymous != null || passwordFile != null || aclFile != null || authProvider != null
                || !authProviderOptions.isEmpty();
    }
}
