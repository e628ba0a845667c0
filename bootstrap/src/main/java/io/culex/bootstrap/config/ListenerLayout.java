package io.culex.bootstrap.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Which listeners a configuration asks for, with Mosquitto 2.0's rules (checked against mosquitto 2.0.11):
 * <ul>
 *   <li>each {@code listener} line declares one, in file order; per-listener options (protocol, TLS,
 *       max_connections) that follow it apply to it, up to the next {@code listener} line;</li>
 *   <li>{@code port}, {@code bind_address}, or a per-listener option given before the first {@code listener}
 *       line configures the legacy default listener (port 1883 unless set, all interfaces unless set),
 *       which comes after the declared ones;</li>
 *   <li>with neither, the broker runs in "local only mode": 127.0.0.1:1883, and anonymous access
 *       is allowed by default.</li>
 * </ul>
 */
final class ListenerLayout {

    private record Declared(int port, String bindAddress, String location, ListenerOptions options,
                            SecurityOptions security) {
    }

    private final List<Declared> declared = new ArrayList<>();
    private final ListenerOptions defaultOptions = new ListenerOptions();
    /** per_listener_settings true: the security options before the first listener line (the default listener's). */
    private final SecurityOptions defaultSecurity = new SecurityOptions();
    private final List<String> warnings = new ArrayList<>();
    private List<ListenerConfig> resolved;
    private boolean defaultListenerConfigured;
    private int defaultPort = BrokerConfig.DEFAULT_PORT;
    private String defaultBindAddress;
    private String defaultBindAddressLocation;

    void declare(ConfigLine line, int port, String bindAddress) {
        declared.add(new Declared(port, bindAddress, line.location(), new ListenerOptions(), new SecurityOptions()));
    }

    boolean anyDeclared() {
        return !declared.isEmpty();
    }

    /** The options of the block being read: the last {@code listener}'s, or the default listener's before any. */
    ListenerOptions current() {
        return declared.isEmpty() ? defaultOptions : declared.get(declared.size() - 1).options();
    }

    /**
     * per_listener_settings true: the security options of the block being read (the default listener's before
     * any {@code listener} line, as Mosquitto).
     */
    SecurityOptions currentSecurity() {
        return declared.isEmpty() ? defaultSecurity : declared.get(declared.size() - 1).security();
    }

    /**
     * per_listener_settings true: each listener's security options, in the order of {@link #resolve()}. The
     * default block's apply to the default listener, or in local only mode to the local listener.
     *
     * @param warnings receives a line when the default block sets options but no listener takes them
     */
    List<ListenerSecurityConfig> security(List<String> warnings) {
        boolean localOnly = localOnly();
        List<ListenerSecurityConfig> security = new ArrayList<>();
        for (Declared listener : declared) {
            security.add(listener.security().build(false, " (the listener at " + listener.location() + ")", warnings));
        }
        if (localOnly || defaultListenerConfigured) {
            security.add(defaultSecurity.build(localOnly, localOnly ? "" : " (the default listener)", warnings));
        } else if (defaultSecurity.anySet()) {
            warnings.add("security options before the first listener line ignored: with per_listener_settings true "
                    + "they belong to the default listener, which this configuration does not open");
        }
        return List.copyOf(security);
    }

    void defaultPort(int port) {
        defaultPort = port;
        defaultListenerConfigured = true;
    }

    /** Mosquitto rejects a second bind_address rather than silently picking one. */
    void defaultBindAddress(ConfigLine line, String address) throws ConfigException {
        if (defaultBindAddressLocation != null) {
            throw line.error("duplicate value, already set at " + defaultBindAddressLocation);
        }
        defaultBindAddress = address;
        defaultBindAddressLocation = line.location();
        defaultListenerConfigured = true;
    }

    /** A per-listener option given before any {@code listener} line applies to the default listener. */
    void defaultListenerOptionSet() {
        if (!anyDeclared()) {
            defaultListenerConfigured = true;
        }
    }

    boolean localOnly() {
        return declared.isEmpty() && !defaultListenerConfigured;
    }

    /**
     * Checks each listener's options together (certfile with keyfile, ...) once the whole configuration is
     * read, so that {@link #resolve()} cannot fail.
     */
    void finish() throws ConfigException {
        resolved = listeners();
    }

    /** The listeners, in the order they are opened. */
    List<ListenerConfig> resolve() {
        if (resolved != null) {
            return resolved;
        }
        try {
            return listeners();
        } catch (ConfigException e) {
            throw new IllegalStateException("listener options not checked with finish(): " + e.getMessage(), e);
        }
    }

    private List<ListenerConfig> listeners() throws ConfigException {
        warnings.clear();
        if (localOnly()) {
            return BrokerConfig.LOCAL_ONLY_LISTENERS;
        }
        List<ListenerConfig> listeners = new ArrayList<>();
        for (Declared listener : declared) {
            listeners.add(listener.options().toListener(listener.port(), listener.bindAddress(),
                    "the listener at " + listener.location(), warnings));
        }
        if (defaultListenerConfigured) {
            listeners.add(defaultOptions.toListener(defaultPort, defaultBindAddress, "the default listener", warnings));
        }
        return List.copyOf(listeners);
    }

    /** Warnings about options without effect, from the last {@link #resolve()}. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
