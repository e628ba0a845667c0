package io.culex.bootstrap.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What a reloaded configuration changes in the running one. Mosquitto 2.0 reloads most options on SIGHUP
 * (mosquitto.conf(5) says "Reloaded on reload signal" for each); the others, which need a restart, keep their running
 * value here and are named in {@link #restartKeys()}, so the broker can say "KEY changed: restart to apply".
 *
 * <p>Need a restart, as in Mosquitto: the listeners and their options ({@code listener}, {@code port},
 * {@code bind_address}, {@code protocol}, {@code max_connections}, the TLS options: their files are still re-read
 * on SIGHUP), {@code max_topic_alias}, {@code use_username_as_clientid} and {@code pid_file}. Need a restart here
 * though Mosquitto reloads them: {@code per_listener_settings}, Culex's {@code auth_provider} and its options, and
 * the security options of a listener (or broker) that uses an auth_provider. Bridges ({@code connection} sections)
 * need a restart: their changes are all reported as {@code connection}.
 */
public final class ConfigChanges {

    /** Keys whose change needs a restart: the keys {@link #restartKeys()} can name, and those reported under them. */
    public static final Set<String> RESTART_KEYS = Set.of(
            "listener", "port", "bind_address", "protocol", "max_connections",
            ListenerOptions.CERTFILE, ListenerOptions.KEYFILE, ListenerOptions.CAFILE, ListenerOptions.CAPATH,
            ListenerOptions.CRLFILE, ListenerOptions.TLS_VERSION, ListenerOptions.CIPHERS,
            ListenerOptions.REQUIRE_CERTIFICATE, ListenerOptions.USE_IDENTITY_AS_USERNAME,
            ListenerOptions.USE_SUBJECT_AS_USERNAME,
            "max_topic_alias", "use_username_as_clientid", "pid_file", "per_listener_settings",
            "auth_provider", ConfigKeys.AUTH_PROVIDER_OPT_PREFIX + "*",
            "persistence", "persistence_location", "persistence_file", "persistence_backend",
            "http_api_users", "http_api_token_file", "http_api_allow_anonymous",
            // Bridges are not reloaded (Mosquitto 2.0 skips their keys on reload too): any change is "connection".
            "connection", "address", "addresses", "round_robin", "topic", "cleansession", "local_cleansession",
            "remote_clientid", "clientid", "local_clientid", "remote_username", "username", "remote_password",
            "password", "notifications", "notifications_local_only", "notification_topic", "keepalive_interval",
            "start_type", "restart_timeout", "idle_timeout", "threshold", "try_private", "bridge_protocol_version",
            "bridge_attempt_unsubscribe", "bridge_outgoing_retain", "bridge_max_packet_size", "bridge_cafile",
            "bridge_capath", "bridge_certfile", "bridge_keyfile", "bridge_insecure", "bridge_tls_version",
            "bridge_alpn", "bridge_max_queued_messages", "bridge_max_queued_bytes");

    private static final String LISTENER = "listener";
    private static final String AUTH_PROVIDER = "auth_provider";

    private final BrokerConfig effective;
    private final List<String> restartKeys;
    private final List<String> newWarnings;

    private ConfigChanges(BrokerConfig effective, List<String> restartKeys, List<String> newWarnings) {
        this.effective = effective;
        this.restartKeys = List.copyOf(restartKeys);
        this.newWarnings = List.copyOf(newWarnings);
    }

    /**
     * @param running the configuration in force
     * @param next    the configuration just read
     */
    public static ConfigChanges between(BrokerConfig running, BrokerConfig next) {
        Set<String> restart = new LinkedHashSet<>();

        List<ListenerConfig> listeners = next.listeners();
        if (!listeners.equals(running.listeners())) {
            restart.addAll(listenerChanges(running.listeners(), listeners));
            listeners = running.listeners();
        }

        boolean perListenerSettings = running.perListenerSettings();
        ListenerSecurityConfig global;
        List<ListenerSecurityConfig> listenerSecurity;
        if (next.perListenerSettings() != perListenerSettings) {
            restart.add("per_listener_settings");
            global = running.security();
            listenerSecurity = running.listenerSecurity();
        } else {
            global = security(running.security(), next.security(), restart);
            if (perListenerSettings && next.listenerSecurity().size() == running.listenerSecurity().size()) {
                listenerSecurity = new ArrayList<>();
                for (int i = 0; i < running.listenerSecurity().size(); i++) {
                    listenerSecurity.add(security(running.listenerSecurity().get(i), next.listenerSecurity().get(i),
                            restart));
                }
            } else {
                listenerSecurity = running.listenerSecurity(); // other listeners: already reported
            }
        }

        ProtocolConfig protocol = next.protocol();
        if (protocol.maxTopicAlias() != running.protocol().maxTopicAlias()) {
            restart.add("max_topic_alias");
            protocol = new ProtocolConfig(running.protocol().maxTopicAlias(), protocol.maxPacketSize(),
                    protocol.persistentClientExpirationSeconds(), protocol.serverReference(), protocol.serverMoved());
        }
        boolean useUsernameAsClientId = keep("use_username_as_clientid", running, next,
                BrokerConfig::useUsernameAsClientId, restart);
        String pidFile = keep("pid_file", running, next, BrokerConfig::pidFile, restart);
        PersistenceConfig persistence = running.persistence(); // the store stays open as it is
        differs(restart, "persistence", running.persistence().enabled(), next.persistence().enabled());
        differs(restart, "persistence_location", running.persistence().location(), next.persistence().location());
        differs(restart, "persistence_file", running.persistence().file(), next.persistence().file());
        differs(restart, "persistence_backend", running.persistence().backend(), next.persistence().backend());

        if (!next.bridges().equals(running.bridges())) {
            restart.add("connection");
        }

        BrokerConfig effective = new BrokerConfig(listeners, global.allowAnonymous(), next.maxKeepalive(),
                next.allowZeroLengthClientId(), next.autoIdPrefix(), next.maxInflightMessages(),
                next.maxQueuedMessages(), next.maxQueuedBytes(), next.queueQos0Messages(), next.messageSizeLimit(),
                next.retainAvailable(), next.logging(), next.sysIntervalSeconds(), pidFile, global.passwordFile(),
                global.aclFile(), next.clientIdPrefix(), useUsernameAsClientId, global.authProvider(),
                perListenerSettings, listenerSecurity, protocol, persistence, running.bridges(), next.warnings());
        List<String> newWarnings = next.warnings().stream().filter(w -> !running.warnings().contains(w)).toList();
        return new ConfigChanges(effective, new ArrayList<>(restart), newWarnings);
    }

    /** The configuration to run with: the new one, except for the options that need a restart. */
    public BrokerConfig effective() {
        return effective;
    }

    /** The keys whose new value needs a restart, each once, in the order found; their running value stays. */
    public List<String> restartKeys() {
        return restartKeys;
    }

    /** Warnings of the new configuration (such as "accepted but not yet supported: KEY") the running one did not have. */
    public List<String> newWarnings() {
        return newWarnings;
    }

    private static <T> T keep(String key, BrokerConfig running, BrokerConfig next, Function<BrokerConfig, T> value,
                              Set<String> restart) {
        if (!Objects.equals(value.apply(running), value.apply(next))) {
            restart.add(key);
        }
        return value.apply(running);
    }

    /** Listener by listener, the keys that differ; any difference in number or address is "listener". */
    private static List<String> listenerChanges(List<ListenerConfig> running, List<ListenerConfig> next) {
        List<String> keys = new ArrayList<>();
        if (running.size() != next.size()) {
            keys.add(LISTENER);
        }
        for (int i = 0; i < Math.min(running.size(), next.size()); i++) {
            ListenerConfig was = running.get(i);
            ListenerConfig now = next.get(i);
            if (was.port() != now.port() || !Objects.equals(was.bindAddress(), now.bindAddress())) {
                keys.add(LISTENER);
            }
            if (was.protocol() != now.protocol()) {
                keys.add("protocol");
            }
            if (was.maxConnections() != now.maxConnections()) {
                keys.add("max_connections");
            }
            keys.addAll(tlsChanges(was.tls(), now.tls()));
        }
        return keys;
    }

    private static List<String> tlsChanges(ListenerTlsConfig was, ListenerTlsConfig now) {
        if (Objects.equals(was, now)) {
            return List.of();
        }
        if (was == null || now == null) {
            return List.of(ListenerOptions.CERTFILE, ListenerOptions.KEYFILE);
        }
        List<String> keys = new ArrayList<>();
        differs(keys, ListenerOptions.CERTFILE, was.certFile(), now.certFile());
        differs(keys, ListenerOptions.KEYFILE, was.keyFile(), now.keyFile());
        differs(keys, ListenerOptions.CAFILE, was.caFile(), now.caFile());
        differs(keys, ListenerOptions.CAPATH, was.caPath(), now.caPath());
        differs(keys, ListenerOptions.CRLFILE, was.crlFile(), now.crlFile());
        differs(keys, ListenerOptions.TLS_VERSION, was.tlsVersion(), now.tlsVersion());
        differs(keys, ListenerOptions.CIPHERS, was.ciphers(), now.ciphers());
        differs(keys, ListenerOptions.REQUIRE_CERTIFICATE, was.requireCertificate(), now.requireCertificate());
        differs(keys, ListenerOptions.USE_IDENTITY_AS_USERNAME, was.useIdentityAsUsername(), now.useIdentityAsUsername());
        differs(keys, ListenerOptions.USE_SUBJECT_AS_USERNAME, was.useSubjectAsUsername(), now.useSubjectAsUsername());
        return keys;
    }

    private static void differs(List<String> keys, String key, Object was, Object now) {
        if (!Objects.equals(was, now)) {
            keys.add(key);
        }
    }

    /**
     * One listener's (or the broker's) security options: allow_anonymous, password_file and acl_file are reloaded,
     * unless an auth_provider is in use, whose options (and whose presence) need a restart.
     */
    private static ListenerSecurityConfig security(ListenerSecurityConfig running, ListenerSecurityConfig next,
                                                   Set<String> restart) {
        AuthProviderConfig was = running.authProvider();
        AuthProviderConfig now = next.authProvider();
        boolean sameProvider = was == null ? now == null
                : now != null && was.name().equals(now.name()) && was.options().equals(now.options());
        if (!sameProvider) {
            restart.add(AUTH_PROVIDER);
            return running;
        }
        if (was != null) {
            if (running.allowAnonymous() != next.allowAnonymous()) {
                restart.add("allow_anonymous");
            }
            differs(restart, "password_file", running.passwordFile(), next.passwordFile());
            differs(restart, "acl_file", running.aclFile(), next.aclFile());
            return running;
        }
        return next;
    }

    private static void differs(Set<String> keys, String key, Object was, Object now) {
        if (!Objects.equals(was, now)) {
            keys.add(key);
        }
    }
}
