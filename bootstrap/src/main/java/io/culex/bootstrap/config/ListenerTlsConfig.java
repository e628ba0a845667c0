package io.culex.bootstrap.config;

import java.util.Objects;

/**
 * A listener's TLS options, present when its block sets both {@code certfile} and {@code keyfile}.
 * Paths are as written (relative ones resolve against the working directory, as in Mosquitto); the
 * files are read when the listener opens.
 *
 * @param certFile              {@code certfile}: PEM server certificate, optionally with its chain
 * @param keyFile               {@code keyfile}: PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC)
 * @param caFile                {@code cafile}, or null
 * @param caPath                {@code capath}, or null
 * @param crlFile               {@code crlfile}, or null
 * @param tlsVersion            {@code tls_version} ({@code tlsv1.3}, {@code tlsv1.2} or {@code tlsv1.1}), or null
 * @param ciphers               {@code ciphers}: an OpenSSL cipher list, or null
 * @param requireCertificate    {@code require_certificate}
 * @param useIdentityAsUsername {@code use_identity_as_username}: the certificate's CN is the username
 * @param useSubjectAsUsername  {@code use_subject_as_username}: its subject is (identity wins if both are set)
 */
public record ListenerTlsConfig(String certFile, String keyFile, String caFile, String caPath, String crlFile,
                                String tlsVersion, String ciphers, boolean requireCertificate,
                                boolean useIdentityAsUsername, boolean useSubjectAsUsername) {

    public ListenerTlsConfig {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
    }
}
