package io.culex.adapters.netty.client;

import io.culex.adapters.netty.PemFiles;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Builds a client {@link SslContext} from mosquitto-style TLS options, for the tools' connection and the
 * bench's load generator alike, with mosquitto's "Problem setting TLS options" errors.
 */
public final class ClientTlsContexts {

    private ClientTlsContexts() {
    }

    /** @throws MqttClientException naming the file at fault */
    public static SslContext forTls(ClientOptions.Tls tls) {
        return forTls(tls, null);
    }

    /**
     * @param alpn the protocol to offer by ALPN (such as AWS IoT's {@code x-amzn-mqtt-ca}), or null for none
     * @throws MqttClientException naming the file at fault
     */
    public static SslContext forTls(ClientOptions.Tls tls, String alpn) {
        SslContextBuilder builder = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .protocols(tls.version() == null ? List.of("TLSv1.3", "TLSv1.2")
                        : List.of(tls.version().equals("tlsv1.3") ? "TLSv1.3" : "TLSv1.2"))
                .endpointIdentificationAlgorithm(tls.insecure() ? null : "HTTPS");
        if (tls.caFile() != null || tls.caPath() != null) {
            List<X509Certificate> authorities = new ArrayList<>();
            if (tls.caFile() != null) {
                authorities.addAll(read("cafile", tls.caFile(), () -> PemFiles.certificates(tls.caFile())));
            }
            if (tls.caPath() != null) {
                authorities.addAll(read("capath", tls.caPath(), () -> PemFiles.certificatesIn(tls.caPath())));
            }
            if (authorities.isEmpty()) {
                throw new MqttClientException("Problem setting TLS options: no PEM certificate in "
                        + (tls.caFile() != null ? "cafile " + tls.caFile() : "capath " + tls.caPath()) + ".");
            }
            builder.trustManager(authorities);
        } // else the JDK's default trust store
        if (tls.certFile() != null) {
            List<X509Certificate> chain = read("cert", tls.certFile(), () -> PemFiles.certificates(tls.certFile()));
            if (chain.isEmpty()) {
                throw new MqttClientException("Problem setting TLS options: no PEM certificate in cert "
                        + tls.certFile() + ".");
            }
            PrivateKey key = read("key", tls.keyFile(), () -> PemFiles.privateKey(tls.keyFile()));
            builder.keyManager(key, chain);
        }
        if (alpn != null) {
            builder.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, alpn));
        }
        try {
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new MqttClientException("Problem setting TLS options: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface PemReader<T> {
        T read() throws IOException, GeneralSecurityException;
    }

    private static <T> T read(String option, Path file, PemReader<T> reader) {
        try {
            return reader.read();
        } catch (IOException | GeneralSecurityException e) {
            String reason = e instanceof NoSuchFileException ? "no such file"
                    : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
            throw new MqttClientException("Problem setting TLS options: " + option + " " + file + ": " + reason + ".", e);
        }
    }
}
