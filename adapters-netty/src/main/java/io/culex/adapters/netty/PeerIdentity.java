package io.culex.adapters.netty;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.security.auth.x500.X500Principal;

/** The username a client certificate stands for, on listeners with use_identity_as_username or use_subject_as_username. */
final class PeerIdentity {

    static final String SSL_HANDLER = "tls";

    private PeerIdentity() {
    }

    /** The certificate's CN or RFC 2253 subject; null without TLS, without a verified certificate, or without a CN. */
    static String username(ChannelPipeline pipeline, TlsSettings.ClientIdentity identity) {
        SslHandler ssl = pipeline.get(SslHandler.class);
        if (ssl == null) {
            return null;
        }
        Certificate[] peer;
        try {
            peer = ssl.engine().getSession().getPeerCertificates();
        } catch (SSLPeerUnverifiedException noCertificate) {
            return null;
        }
        if (peer.length == 0 || !(peer[0] instanceof X509Certificate certificate)) {
            return null;
        }
        X500Principal subject = certificate.getSubjectX500Principal();
        return switch (identity) {
            case COMMON_NAME -> commonName(subject);
            case SUBJECT -> subject.getName(X500Principal.RFC2253);
            case CONNECT_PACKET -> null;
        };
    }

    private static String commonName(X500Principal subject) {
        try {
            String cn = null;
            // LdapName lists RDNs from the least to the most significant; Mosquitto takes the last CN printed first.
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = rdn.getValue().toString();
                }
            }
            return cn;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
