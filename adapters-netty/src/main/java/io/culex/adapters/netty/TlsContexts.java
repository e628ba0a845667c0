package io.culex.adapters.netty;

import io.netty.handler.ssl.CipherSuiteConverter;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds a listener's server-side {@link SslContext} from its {@link TlsSettings}, with the JDK's TLS. */
final class TlsContexts {

    /** Mosquitto's tls_version values, lowest last; each allows itself and every later version. */
    private static final List<String> VERSIONS = List.of("tlsv1.3", "tlsv1.2", "tlsv1.1");
    private static final List<String> JDK_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1");

    private TlsContexts() {
    }

    /** @throws TransportException naming the file or option at fault */
    static SslContext serverContext(TlsSettings tls) {
        List<X509Certificate> chain = read("certfile", tls.certFile(), () -> PemFiles.certificates(tls.certFile()));
        if (chain.isEmpty()) {
            throw new TransportException("certfile " + tls.certFile() + ": no PEM certificate in the file", null);
        }
        PrivateKey key = read("keyfile", tls.keyFile(), () -> PemFiles.privateKey(tls.keyFile()));
        requireMatchingKey(chain.get(0), key, tls);
        try {
            SslContextBuilder builder = SslContextBuilder.forServer(key, chain).sslProvider(SslProvider.JDK);
            List<X509Certificate> authorities = authorities(tls);
            if (!authorities.isEmpty()) {
                builder.trustManager(trustManagers(authorities, tls.crlFile()));
            } else if (tls.requireCertificate()) {
                throw new TransportException("require_certificate true needs cafile or capath", null);
            }
            builder.clientAuth(tls.requireCertificate() ? ClientAuth.REQUIRE : ClientAuth.NONE);
            if (tls.minimumVersion() != null) {
                builder.protocols(protocolsFrom(tls.minimumVersion()));
            }
            if (tls.ciphers() != null) {
                builder.ciphers(javaCipherSuites(tls.ciphers()));
            }
            return builder.build();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new TransportException("cannot set up TLS with certfile " + tls.certFile() + " and keyfile "
                    + tls.keyFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * As OpenSSL's SSL_CTX_check_private_key, which Mosquitto calls: the JDK would accept a key that does not
     * belong to the certificate and fail every handshake later (a certificate replaced before its key, say).
     */
    private static void requireMatchingKey(X509Certificate certificate, PrivateKey key, TlsSettings tls) {
        PublicKey expected = certificate.getPublicKey();
        boolean matches;
        if (key instanceof RSAPrivateKey rsa && expected instanceof RSAPublicKey rsaPublic) {
            matches = rsa.getModulus().equals(rsaPublic.getModulus());
        } else if (key instanceof ECPrivateKey && expected instanceof ECPublicKey) {
            matches = signs(key, expected, "SHA256withECDSA");
        } else {
            // Ed25519, Ed448, DSA: at least the same kind of key
            matches = key.getAlgorithm().equals(expected.getAlgorithm());
        }
        if (!matches) {
            throw new TransportException("keyfile " + tls.keyFile() + ": the private key does not match the "
                    + "certificate in certfile " + tls.certFile(), null);
        }
    }

    private static boolean signs(PrivateKey key, PublicKey expected, String algorithm) {
        try {
            byte[] probe = "culex key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(expected);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<X509Certificate> authorities(TlsSettings tls) {
        List<X509Certificate> authorities = new ArrayList<>();
        if (tls.caFile() != null) {
            authorities.addAll(read("cafile", tls.caFile(), () -> PemFiles.certificates(tls.caFile())));
        }
        if (tls.caPath() != null) {
            authorities.addAll(read("capath", tls.caPath(), () -> PemFiles.certificatesIn(tls.caPath())));
        }
        return authorities;
    }

    private static TrustManagerFactory trustManagers(List<X509Certificate> authorities, Path crlFile)
            throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        for (int i = 0; i < authorities.size(); i++) {
            trusted.setCertificateEntry("ca-" + i, authorities.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        if (crlFile == null) {
            factory.init(trusted);
            return factory;
        }
        List<X509CRL> crls = read("crlfile", crlFile, () -> PemFiles.crls(crlFile));
        if (crls.isEmpty()) {
            throw new TransportException("crlfile " + crlFile + ": no PEM CRL (X509 CRL) in the file", null);
        }
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(trusted, new X509CertSelector());
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        // As OpenSSL's X509_V_FLAG_CRL_CHECK, which Mosquitto sets: the client certificate is checked
        // against the CRLs given, without network look-ups.
        PKIXRevocationChecker revocation = (PKIXRevocationChecker) CertPathValidator.getInstance("PKIX").getRevocationChecker();
        revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                PKIXRevocationChecker.Option.ONLY_END_ENTITY, PKIXRevocationChecker.Option.NO_FALLBACK));
        parameters.addCertPathChecker(revocation);
        parameters.setRevocationEnabled(true);
        factory.init(new CertPathTrustManagerParameters(parameters));
        return factory;
    }

    /** The JDK protocol names allowed by a Mosquitto tls_version and supported by this JDK. */
    static List<String> protocolsFrom(String minimumVersion) throws GeneralSecurityException {
        int lowest = VERSIONS.indexOf(minimumVersion.toLowerCase(Locale.ROOT));
        if (lowest < 0) {
            throw new IllegalArgumentException("tls_version must be one of " + VERSIONS + ", got " + minimumVersion);
        }
        List<String> supported = List.of(SSLContext.getDefault().getSupportedSSLParameters().getProtocols());
        return JDK_PROTOCOLS.subList(0, lowest + 1).stream().filter(supported::contains).toList();
    }

    /**
     * An OpenSSL cipher list in the JDK's names. Names are converted one by one; OpenSSL's keywords and
     * operators (HIGH, !aNULL, ...) have no JDK equivalent and are refused rather than silently ignored.
     */
    static List<String> javaCipherSuites(String openSslList) throws GeneralSecurityException {
        List<String> supported = List.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        List<String> suites = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : openSslList.split("[:, ]+")) {
            if (name.isEmpty()) {
                continue;
            }
            // TLS 1.3 suite names (TLS_AES_128_GCM_SHA256) are the same in OpenSSL and the JDK.
            String java = name.startsWith("TLS_") ? name : CipherSuiteConverter.toJava(name, "TLS");
            if (java == null || !supported.contains(java)) {
                unknown.add(name);
            } else {
                suites.add(java);
            }
        }
        if (!unknown.isEmpty() || suites.isEmpty()) {
            throw new IllegalArgumentException("ciphers: cannot use " + (unknown.isEmpty() ? openSslList : unknown)
                    + "; list cipher names (such as ECDHE-RSA-AES128-GCM-SHA256) separated by ':', "
                    + "OpenSSL keywords such as HIGH or !aNULL are not supported");
        }
        // As Mosquitto, where ciphers covers TLS 1.2 and below and ciphers_tls1.3 the TLS 1.3 suites: unless
        // the list names TLS 1.3 suites itself, the JDK's default ones stay enabled.
        if (suites.stream().noneMatch(TlsContexts::isTls13Suite)) {
            List.of(SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites()).stream()
                    .filter(TlsContexts::isTls13Suite).forEach(suites::add);
        }
        return suites;
    }

    /** TLS 1.3 suites name no key exchange: TLS_AES_128_GCM_SHA256, not TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256. */
    private static boolean isTls13Suite(String javaName) {
        return javaName.startsWith("TLS_") && !javaName.contains("_WITH_");
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read() throws IOException, GeneralSecurityException;
    }

    private static <T> T read(String option, Path file, Reader<T> reader) {
        try {
            return reader.read();
        } catch (IOException | GeneralSecurityException e) {
            String reason = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage();
            throw new TransportException(option + " " + file + ": " + reason, e);
        }
    }
}
