package io.culex.bootstrap;

import io.culex.adapters.netty.ListenerSpec;
import io.culex.adapters.netty.TlsSettings;
import io.culex.bootstrap.config.ListenerConfig;
import io.culex.bootstrap.config.ListenerTlsConfig;
import java.nio.file.Path;

/** Turns a configured listener into what the transport binds. */
final class ListenerSpecs {

    private ListenerSpecs() {
    }

    /** @param id the name the application knows the listener by (for its per-listener security), or null */
    static ListenerSpec of(ListenerConfig listener, String id) {
        ListenerSpec.Protocol protocol;
        switch (listener.protocol()) {
            case WEBSOCKETS:
                protocol = ListenerSpec.Protocol.WEBSOCKETS;
                break;
            case HTTP_API:
                protocol = ListenerSpec.Protocol.HTTP_API;
                break;
            default:
                protocol = ListenerSpec.Protocol.MQTT;
        }
        return new ListenerSpec(listener.bindAddress(), listener.port(), protocol, tls(listener.tls()),
                listener.maxConnections(), id);
    }

    /** As the configuration names the protocol: mqtt, websockets or http_api. */
    static String protocolName(ListenerConfig listener) {
        return listener.protocol().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static TlsSettings tls(ListenerTlsConfig tls) {
        if (tls == null) {
            return null;
        }
        TlsSettings.ClientIdentity identity = tls.useIdentityAsUsername() ? TlsSettings.ClientIdentity.COMMON_NAME
                : tls.useSubjectAsUsername() ? TlsSettings.ClientIdentity.SUBJECT
                : TlsSettings.ClientIdentity.CONNECT_PACKET;
        return new TlsSettings(Path.of(tls.certFile()), Path.of(tls.keyFile()), path(tls.caFile()),
                path(tls.caPath()), path(tls.crlFile()), tls.tlsVersion(), tls.ciphers(), tls.requireCertificate(),
                identity);
    }

    private static Path path(String file) {
        return file == null ? null : Path.of(file);
    }
}
