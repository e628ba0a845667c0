package io.culex.application.bridge;

/**
 * A bridge's TLS options ({@code bridge_cafile} ...); a bridge without any of them connects in plain TCP.
 * File paths are kept as written in the configuration; the transport adapter reads them.
 *
 * @param caFile     null if unset
 * @param caPath     null if unset
 * @param certFile   null if unset (then keyFile is null too)
 * @param keyFile    null if unset
 * @param insecure   {@code bridge_insecure}: do not check the remote's host name against its certificate
 * @param tlsVersion {@code bridge_tls_version}, e.g. "tlsv1.2"; null for the default
 * @param alpn       {@code bridge_alpn}; null for none
 */
public record BridgeTls(String caFile, String caPath, String certFile, String keyFile, boolean insecure,
                        String tlsVersion, String alpn) {
}
