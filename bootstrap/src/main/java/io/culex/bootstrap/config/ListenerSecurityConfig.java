package io.culex.bootstrap.config;

/**
 * The security options of the whole broker ({@code per_listener_settings false}) or of one listener
 * ({@code per_listener_settings true}).
 *
 * @param allowAnonymous Mosquitto 2.0: true only in local only mode unless the file says otherwise
 * @param passwordFile   password_file (mosquitto_passwd format), or null
 * @param aclFile        acl_file, or null
 * @param authProvider   auth_provider and its auth_provider_opt_* options (Culex's own keys), or null
 */
public record ListenerSecurityConfig(boolean allowAnonymous, String passwordFile, String aclFile,
                                     AuthProviderConfig authProvider) {
}
