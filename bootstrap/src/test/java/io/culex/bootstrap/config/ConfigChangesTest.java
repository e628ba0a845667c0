package io.culex.bootstrap.config;

import static io.culex.bootstrap.config.ConfigTexts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.config.LoggingConfig.LogDestination;
import io.culex.bootstrap.config.LoggingConfig.LogType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a reloaded configuration may change in the running one, and what needs a restart. */
class ConfigChangesTest {

    private static final String LISTENER = "listener 1883 127.0.0.1";

    private static ConfigChanges reload(String[] running, String... next) throws ConfigException {
        return ConfigChanges.between(parse(running), parse(next));
    }

    private static String[] lines(String... lines) {
        return lines;
    }

    @Test
    void theOptionsMosquittoReloadsAreTakenFromTheNewFile() throws ConfigException {
        ConfigChanges changes = reload(lines(LISTENER, "allow_anonymous true"),
                LISTENER, "allow_anonymous false", "password_file /etc/culex/passwd", "acl_file /etc/culex/acl",
                "allow_zero_length_clientid false", "auto_id_prefix gen-", "clientid_prefixes dev-",
                "connection_messages false", "log_dest stdout", "log_type all", "log_timestamp false",
                "log_timestamp_format %F", "log_facility 2", "max_inflight_messages 5", "max_keepalive 30",
                "max_packet_size 1000", "max_queued_bytes 9", "max_queued_messages 7", "message_size_limit 100",
                "persistent_client_expiration 2h", "queue_qos0_messages true", "retain_available false",
                "sys_interval 3", "server_reference other:1883");
        BrokerConfig effective = changes.effective();

        assertEquals(List.of(), changes.restartKeys());
        assertFalse(effective.allowAnonymous());
        assertEquals("/etc/culex/passwd", effective.passwordFile());
        assertEquals("/etc/culex/acl", effective.aclFile());
        assertFalse(effective.allowZeroLengthClientId());
        assertEquals("gen-", effective.autoIdPrefix());
        assertEquals("dev-", effective.clientIdPrefix());
        LoggingConfig logging = effective.logging();
        assertFalse(logging.connectionMessages());
        assertEquals(List.of(new LogDestination(LogDestination.Kind.STDOUT, null)), logging.destinations());
        assertEquals(Set.of(LogType.values()), logging.types());
        assertFalse(logging.timestamp());
        assertEquals("%F", logging.timestampFormat());
        assertEquals(LoggingConfig.LOCAL0 + 2, logging.facility());
        assertEquals(5, effective.maxInflightMessages());
        assertEquals(30, effective.maxKeepalive());
        assertEquals(1000, effective.protocol().maxPacketSize());
        assertEquals(9, effective.maxQueuedBytes());
        assertEquals(7, effective.maxQueuedMessages());
        assertEquals(100, effective.messageSizeLimit());
        assertEquals(7200, effective.protocol().persistentClientExpirationSeconds());
        assertTrue(effective.queueQos0Messages());
        assertFalse(effective.retainAvailable());
        assertEquals(3, effective.sysIntervalSeconds());
        assertEquals("other:1883", effective.protocol().serverReference());
    }

    @Test
    void listenerChangesNeedARestartAndKeepTheRunningListeners() throws ConfigException {
        String[] running = lines(LISTENER, "listener 8883", "certfile /c.crt", "keyfile /c.key", "listener 9001",
                "protocol websockets");
        BrokerConfig before = parse(running);

        ConfigChanges port = reload(running, "listener 1884 127.0.0.1", "listener 8883", "certfile /c.crt",
                "keyfile /c.key", "listener 9001", "protocol websockets", "max_keepalive 10");
        assertEquals(List.of("listener"), port.restartKeys());
        assertEquals(before.listeners(), port.effective().listeners());
        assertEquals(10, port.effective().maxKeepalive(), "the other options still apply");

        ConfigChanges options = reload(running, LISTENER, "max_connections 5", "listener 8883", "certfile /new.crt",
                "keyfile /c.key", "cafile /ca.crt", "tls_version tlsv1.3", "listener 9001");
        assertEquals(List.of("max_connections", "certfile", "cafile", "tls_version", "protocol"),
                options.restartKeys());
        assertEquals(before.listeners(), options.effective().listeners());

        assertEquals(List.of("listener"), reload(running, LISTENER).restartKeys());
        assertEquals(List.of(), reload(running, running).restartKeys());
    }

    @Test
    void otherRestartOnlyOptionsKeepTheirRunningValue() throws ConfigException {
        ConfigChanges changes = reload(lines(LISTENER, "pid_file /run/a.pid"),
                LISTENER, "pid_file /run/b.pid", "max_topic_alias 3", "use_username_as_clientid true",
                "max_packet_size 500");
        BrokerConfig effective = changes.effective();

        assertEquals(List.of("max_topic_alias", "use_username_as_clientid", "pid_file"), changes.restartKeys());
        assertEquals("/run/a.pid", effective.pidFile());
        assertEquals(10, effective.protocol().maxTopicAlias());
        assertFalse(effective.useUsernameAsClientId());
        assertEquals(500, effective.protocol().maxPacketSize());
        assertTrue(ConfigChanges.RESTART_KEYS.containsAll(changes.restartKeys()));
    }

    @Test
    void perListenerSecurityIsReloadedListenerByListenerButSwitchingItNeedsARestart() throws ConfigException {
        String[] running = lines("per_listener_settings true", LISTENER, "allow_anonymous true", "listener 1884",
                "password_file /a");
        ConfigChanges changes = reload(running, "per_listener_settings true", LISTENER, "allow_anonymous false",
                "listener 1884", "password_file /b", "acl_file /acl");
        assertEquals(List.of(), changes.restartKeys());
        assertEquals(new ListenerSecurityConfig(false, null, null, null), changes.effective().security(0));
        assertEquals(new ListenerSecurityConfig(false, "/b", "/acl", null), changes.effective().security(1));

        ConfigChanges off = reload(running, LISTENER, "allow_anonymous true", "listener 1884", "password_file /a");
        assertEquals(List.of("per_listener_settings"), off.restartKeys());
        assertTrue(off.effective().perListenerSettings());
        assertEquals(parse(running).listenerSecurity(), off.effective().listenerSecurity());
    }

    @Test
    void anAuthProviderAndTheSecurityOptionsBesideItNeedARestart() throws ConfigException {
        String provider = "auth_provider test-token";
        String[] running = lines(LISTENER, provider, "auth_provider_opt_token a");
        BrokerConfig before = parse(running);

        ConfigChanges option = reload(running, LISTENER, provider, "auth_provider_opt_token b");
        assertEquals(List.of("auth_provider"), option.restartKeys());
        assertEquals(before.authProvider(), option.effective().authProvider());

        ConfigChanges beside = reload(running, LISTENER, "# moved a line down", provider, "auth_provider_opt_token a",
                "acl_file /acl");
        assertEquals(List.of("acl_file"), beside.restartKeys());
        assertEquals(before.security(), beside.effective().security(), "the provider's options as they run, line included");

        assertEquals(List.of("auth_provider"), reload(running, LISTENER).restartKeys());
        assertEquals(List.of("auth_provider"), reload(lines(LISTENER), running).restartKeys());
    }

    @Test
    void onlyWarningsTheRunningConfigurationDidNotHaveAreNew() throws ConfigException {
        ConfigChanges changes = reload(lines(LISTENER, "memory_limit 10"), LISTENER, "memory_limit 20", "user nobody");
        assertEquals(List.of("accepted but not yet supported: user"), changes.newWarnings());
        assertEquals(List.of(), changes.restartKeys());
    }

    @Test
    void aChangedBridgeNeedsARestartAndTheRunningBridgesStay() throws ConfigException {
        String[] running = lines(LISTENER, "connection cloud", "address cloud.example.com", "topic a/# out 1");

        ConfigChanges changed = reload(running, LISTENER, "connection cloud", "address cloud.example.com",
                "topic a/# both 1", "max_keepalive 30");
        assertEquals(List.of("connection"), changed.restartKeys());
        assertEquals(parse(running).bridges(), changed.effective().bridges());
        assertEquals(30, changed.effective().maxKeepalive());

        assertEquals(List.of("connection"), reload(running, LISTENER).restartKeys());
        assertEquals(List.of(), reload(running, running).restartKeys());
    }
}
