package io.culex.bootstrap.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-listener options of one listener block (or of the default listener), as the lines set them;
 * {@link #toListener} checks how they fit together.
 */
final class ListenerOptions {

    static final String CERTFILE = "certfile";
    static final String KEYFILE = "keyfile";
    static final String CAFILE = "cafile";
    static final String CAPATH = "capath";
    static final String CRLFILE = "crlfile";
    static final String TLS_VERSION = "tls_version";
    static final String CIPHERS = "ciphers";
    static final String REQUIRE_CERTIFICATE = "require_certificate";
    static final String USE_IDENTITY_AS_USERNAME = "use_identity_as_username";
    static final String USE_SUBJECT_AS_USERNAME = "use_subject_as_username";
    static final String HTTP_API_USERS = "http_api_users";
    static final String HTTP_API_TOKEN_FILE = "http_api_token_file";
    static final String HTTP_API_ALLOW_ANONYMOUS = "http_api_allow_anonymous";

    /** Culex's own options of an http_api listener. */
    private static final List<String> HTTP_API_ONLY = List.of(HTTP_API_USERS, HTTP_API_TOKEN_FILE,
            HTTP_API_ALLOW_ANONYMOUS);

    /** Options that mean something only on a TLS listener, in the order warnings name them. */
    private static final List<String> TLS_ONLY = List.of(CAFILE, CAPATH, CRLFILE, TLS_VERSION, CIPHERS,
            REQUIRE_CERTIFICATE, USE_IDENTITY_AS_USERNAME, USE_SUBJECT_AS_USERNAME);

    private record Setting(String value, String location) {
    }

    private ListenerConfig.Protocol protocol = ListenerConfig.Protocol.MQTT;
    private int maxConnections = ListenerConfig.UNLIMITED;
    private final Map<String, Setting> strings = new HashMap<>();
    private final Map<String, Setting> flags = new HashMap<>();

    void protocol(ListenerConfig.Protocol value) {
        protocol = value;
    }

    void maxConnections(int value) {
        maxConnections = value;
    }

    /** A string option; as Mosquitto, a second value in the same block is refused. */
    void string(ConfigLine line, String value) throws ConfigException {
        Setting previous = strings.get(line.key());
        if (previous != null) {
            throw line.error("duplicate value, already set at " + previous.location());
        }
        strings.put(line.key(), new Setting(value, line.location()));
    }

    /** A boolean option; a later line wins. */
    void flag(ConfigLine line, boolean value) {
        flags.put(line.key(), new Setting(Boolean.toString(value), line.location()));
    }

    private String string(String key) {
        Setting setting = strings.get(key);
        return setting == null ? null : setting.value();
    }

    private boolean flag(String key) {
        Setting setting = flags.get(key);
        return setting != null && Boolean.parseBoolean(setting.value());
    }

    /** Where {@code key} was set to a non-default value, or null. */
    private String location(String key) {
        Setting setting = strings.containsKey(key) ? strings.get(key) : flags.get(key);
        return setting == null || setting.value().equals("false") ? null : setting.location();
    }

    /**
     * The listener these options describe.
     *
     * @param warnings receives a line for each TLS option given to a listener without certfile and keyfile
     *                 (Mosquitto ignores them there too)
     */
    ListenerConfig toListener(int port, String bindAddress, String listenerName, List<String> warnings)
            throws ConfigException {
        HttpApiConfig httpApi = httpApi(listenerName);
        String certFile = string(CERTFILE);
        String keyFile = string(KEYFILE);
        if (certFile == null && keyFile != null) {
            throw problem(KEYFILE, "certfile is missing: a TLS listener needs both certfile and keyfile");
        }
        if (certFile != null && keyFile == null) {
            throw problem(CERTFILE, "keyfile is missing: a TLS listener needs both certfile and keyfile");
        }
        if (certFile == null) {
            List<String> ignored = new ArrayList<>();
            for (String key : TLS_ONLY) {
                if (location(key) != null) {
                    ignored.add(key + " (" + location(key) + ")");
                }
            }
            if (!ignored.isEmpty()) {
                warnings.add(String.join(", ", ignored) + " ignored: " + listenerName
                        + " has no certfile and keyfile, so it does not use TLS");
            }
            return new ListenerConfig(port, bindAddress, protocol, maxConnections, null, httpApi);
        }
        if (flag(REQUIRE_CERTIFICATE) && string(CAFILE) == null && string(CAPATH) == null) {
            throw problem(REQUIRE_CERTIFICATE, "needs cafile or capath in the same listener block, "
                    + "to verify client certificates with");
        }
        if (string(CRLFILE) != null && string(CAFILE) == null && string(CAPATH) == null) {
            throw problem(CRLFILE, "needs cafile or capath in the same listener block");
        }
        ListenerTlsConfig tls = new ListenerTlsConfig(certFile, keyFile, string(CAFILE), string(CAPATH),
                string(CRLFILE), string(TLS_VERSION), string(CIPHERS), flag(REQUIRE_CERTIFICATE),
                flag(USE_IDENTITY_AS_USERNAME), flag(USE_SUBJECT_AS_USERNAME));
        return new ListenerConfig(port, bindAddress, protocol, maxConnections, tls, httpApi);
    }

    /**
     * The http_api_* options, for an http_api listener only; refused elsewhere (an operator who wrote them meant
     * to protect something), and an http_api listener nobody may use is refused too.
     */
    private HttpApiConfig httpApi(String listenerName) throws ConfigException {
        if (protocol != ListenerConfig.Protocol.HTTP_API) {
            for (String key : HTTP_API_ONLY) {
                Setting setting = strings.containsKey(key) ? strings.get(key) : flags.get(key);
                if (setting != null) {
                    throw problem(key, "only applies to a listener with 'protocol http_api'");
                }
            }
            return null;
        }
        String users = string(HTTP_API_USERS);
        HttpApiConfig config = new HttpApiConfig(users == null ? List.of() : List.of(users.trim().split("\\s+")),
                string(HTTP_API_TOKEN_FILE), flag(HTTP_API_ALLOW_ANONYMOUS));
        if (!config.admitsSomeone()) {
            throw new ConfigException(listenerName + " (protocol http_api): nobody may use it; set http_api_users "
                    + "(password-file users), http_api_token_file, or explicitly http_api_allow_anonymous true");
        }
        return config;
    }

    /** An error located at the line that set {@code key}. */
    private ConfigException problem(String key, String message) {
        Setting setting = strings.containsKey(key) ? strings.get(key) : flags.get(key);
        return new ConfigException(setting.location() + ": " + key + ": " + message);
    }
}
