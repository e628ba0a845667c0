package io.culex.bootstrap.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Which listeners a configuration asks for, with Mosquitto 2.0's rules (checked against mosquitto 2.0.11):
 * <ul>
 *   <li>each {@code listener} line declares one, in file order;</li>
 *   <li>{@code port}, {@code bind_address}, or a per-listener option given before the first {@code listener}
 *       line configures the legacy default listener (port 1883 unless set, all interfaces unless set),
 *       which comes after the declared ones;</li>
 *   <li>with neither, the broker runs in "local only mode": 127.0.0.1:1883, and anonymous access
 *       is allowed by default.</li>
 * </ul>
 */
final class ListenerLayout {

    private final List<ListenerConfig> declared = new ArrayList<>();
    private boolean defaultListenerConfigured;
    private int defaultPort = BrokerConfig.DEFAULT_PORT;
    private String defaultBindAddress;
    private String defaultBindAddressLocation;

    void declare(ListenerConfig listener) {
        declared.add(listener);
    }

    boolean anyDeclared() {
        return !declared.isEmpty();
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

    List<ListenerConfig> resolve() {
        if (localOnly()) {
            return BrokerConfig.LOCAL_ONLY_LISTENERS;
        }
        List<ListenerConfig> listeners = new ArrayList<>(declared);
        if (defaultListenerConfigured) {
            listeners.add(new ListenerConfig(defaultPort, defaultBindAddress));
        }
        return listeners;
    }
}
