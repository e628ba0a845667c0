package io.culex.adapters.netty;

import java.util.List;

/**
 * What {@link MqttServer#reloadTls()} did.
 *
 * @param reloaded TLS listeners now serving new connections with the files as they are now
 * @param failures one message per TLS listener whose files could not be used (it keeps its previous
 *                 certificate), naming the file at fault
 */
public record TlsReloadSummary(int reloaded, List<String> failures) {

    public TlsReloadSummary {
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }
}
