package io.culex.adapters.netty;

import java.nio.file.Path;
import java.util.Objects;

/**
 * TLS for one listener, as Mosquitto's per-listener TLS options describe it. Files are PEM, as OpenSSL
 * writes them; they are read when the listener is bound.
 *
 * @param certFile           the server certificate, optionally followed by its intermediate CAs
 * @param keyFile            its private key: PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted
 * @param caFile             CA certificates trusted for client certificates, or null
 * @param caPath             a directory of CA certificate files (any name), or null
 * @param crlFile            a PEM certificate revocation list checked against client certificates, or null
 * @param minimumVersion     Mosquitto's {@code tls_version}: {@code tlsv1.3}, {@code tlsv1.2} or {@code tlsv1.1}
 *                           as the lowest version offered; null for the JDK's default
 * @param ciphers            an OpenSSL cipher list ({@code :}-separated names), or null for the JDK's default
 * @param requireCertificate whether clients must present a certificate signed by a trusted CA
 * @param identity           where the username of a CONNECT comes from
 */
public record TlsSettings(Path certFile, Path keyFile, Path caFile, Path caPath, Path crlFile, String minimumVersion,
                          String ciphers, boolean requireCertificate, ClientIdentity identity) {

    /** Mosquitto's {@code use_identity_as_username} and {@code use_subject_as_username}. */
    public enum ClientIdentity {
        /** The username of the CONNECT packet. */
        CONNECT_PACKET,
        /** The client certificate's Common Name. */
        COMMON_NAME,
        /** The client certificate's subject, RFC 2253 formatted. */
        SUBJECT
    }

    public TlsSettings {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(identity, "identity");
    }

    /** Server certificate and key only: no client certificates asked for. */
    public static TlsSettings serverOnly(Path certFile, Path keyFile) {
        return new TlsSettings(certFile, keyFile, null, null, null, null, null, false, ClientIdentity.CONNECT_PACKET);
    }
}
