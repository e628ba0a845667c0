package io.culex.bootstrap.config;

import io.culex.application.bridge.BridgeSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code connection} sections of a configuration, in file order. As in Mosquitto, a bridge key belongs
 * to the section of the last {@code connection} line, whatever general or listener keys come between.
 */
final class BridgeSections {

    private final List<BridgeSection> sections = new ArrayList<>();
    private List<BridgeSettings> settings = List.of();
    private final List<String> warnings = new ArrayList<>();

    void start(ConfigLine line, String name) throws ConfigException {
        for (BridgeSection section : sections) {
            if (section.name().equals(name)) {
                throw line.error("duplicate bridge name '" + name + "', already used at "
                        + section.connectionLine().location());
            }
        }
        sections.add(new BridgeSection(name, line));
    }

    boolean started() {
        return !sections.isEmpty();
    }

    BridgeSection current() {
        return sections.get(sections.size() - 1);
    }

    /** Checks what only the whole section can tell, then applies the defaults; {@code hostName} is asked only if needed. */
    void finish(Supplier<String> hostName) throws ConfigException {
        List<BridgeSettings> built = new ArrayList<>();
        Map<String, BridgeSection> byLocalClientId = new HashMap<>();
        for (BridgeSection section : sections) {
            check(section);
            BridgeSettings bridge = section.build(hostName);
            BridgeSection other = byLocalClientId.putIfAbsent(bridge.localClientId(), section);
            if (other != null) {
                // Mosquitto: "Bridge local_clientid '...' is not unique"; both would share one local session.
                throw section.connectionLine().error("bridge '" + section.name() + "' has the local_clientid '"
                        + bridge.localClientId() + "' of bridge '" + other.name() + "' ("
                        + other.connectionLine().location() + "): set a different local_clientid or remote_clientid");
            }
            if (bridge.tls() != null && bridge.tls().insecure()) {
                warnings.add("bridge '" + bridge.name() + "' uses bridge_insecure: the remote's host name is not "
                        + "checked against its certificate"); // as Mosquitto warns "using insecure mode"
            }
            built.add(bridge);
        }
        settings = List.copyOf(built);
    }

    /** What the broker should warn about at start-up. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    List<BridgeSettings> settings() {
        return settings;
    }

    private static void check(BridgeSection section) throws ConfigException {
        if (!section.hasAddress()) {
            throw section.connectionLine().error("bridge '" + section.name() + "' has no address: add an "
                    + "'address host[:port]' line after this one");
        }
        if (section.hasRemotePassword() && !section.hasRemoteUsername()) {
            throw section.lineOf(BridgeKeys.REMOTE_PASSWORD).error("a password needs remote_username (or username) "
                    + "in bridge '" + section.name() + "'");
        }
        if (section.hasCertFile() != section.hasKeyFile()) {
            ConfigLine given = section.hasCertFile() ? section.lineOf("bridge_certfile") : section.lineOf("bridge_keyfile");
            throw given.error("bridge_certfile and bridge_keyfile must be given together in bridge '"
                    + section.name() + "'");
        }
        if (!section.hasCertificateAuthority()) {
            for (String tlsOption : BridgeKeys.TLS_OPTIONS_NEEDING_CA) {
                ConfigLine line = section.lineOf(tlsOption);
                if (line != null) {
                    // Mosquitto only turns TLS on with a CA and would silently connect in plain TCP.
                    throw line.error("needs bridge_cafile or bridge_capath in bridge '" + section.name()
                            + "': TLS to the remote is only used with a CA to check its certificate");
                }
            }
        }
    }
}
