package io.culex.adapters.netty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the PEM files OpenSSL writes, with the JDK alone (no BouncyCastle): certificates, CRLs and
 * unencrypted private keys in PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) and SEC1
 * ({@code EC PRIVATE KEY}) form; the last two are rewrapped as PKCS#8 for the JDK's key factories.
 * Public for the client connection ({@code client} package), which reads the same files.
 */
public final class PemFiles {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    /** DER of OID 1.2.840.113549.1.1.1 (rsaEncryption) followed by NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {
            0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** DER of OID 1.2.840.10045.2.1 (ecPublicKey). */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "RSASSA-PSS", "Ed25519", "Ed448", "DSA");

    private PemFiles() {
    }

    public static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (Block block : blocks(file)) {
            if (block.type().equals("CERTIFICATE") || block.type().equals("TRUSTED CERTIFICATE")) {
                try (InputStream in = new ByteArrayInputStream(block.der())) {
                    certificates.add((X509Certificate) factory.generateCertificate(in));
                }
            }
        }
        return certificates;
    }

    /** Every certificate in the regular files of {@code directory} (OpenSSL's hashed names or any other). */
    public static List<X509Certificate> certificatesIn(Path directory) throws IOException, GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                certificates.addAll(certificates(file));
            }
        }
        return certificates;
    }

    static List<X509CRL> crls(Path file) throws IOException, GeneralSecurityException {
        List<X509CRL> crls = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (Block block : blocks(file)) {
            if (block.type().equals("X509 CRL")) {
                try (InputStream in = new ByteArrayInputStream(block.der())) {
                    crls.add((X509CRL) factory.generateCRL(in));
                }
            }
        }
        return crls;
    }

    public static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        for (Block block : blocks(file)) {
            switch (block.type()) {
                case "PRIVATE KEY":
                    return pkcs8(block.der());
                case "RSA PRIVATE KEY":
                    return pkcs8(sequence(VERSION_0, sequence(RSA_ALGORITHM), tlv(0x04, block.der())));
                case "EC PRIVATE KEY":
                    return pkcs8(sequence(VERSION_0, sequence(EC_PUBLIC_KEY, curveOf(block.der())),
                            tlv(0x04, block.der())));
                case "ENCRYPTED PRIVATE KEY":
                    throw new GeneralSecurityException("encrypted private keys are not supported; "
                            + "decrypt it with: openssl pkey -in " + file + " -out <new file>");
                default:
                    // EC PARAMETERS (written by openssl ecparam -genkey), certificates: not the key
            }
        }
        throw new GeneralSecurityException("no PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY) in " + file);
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        GeneralSecurityException last = null;
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("unsupported private key algorithm", last);
    }

    /**
     * The named-curve OID of a SEC1 ECPrivateKey: SEQUENCE { version, OCTET STRING key,
     * [0] parameters OPTIONAL, [1] public key OPTIONAL }. OpenSSL always writes the parameters.
     */
    private static byte[] curveOf(byte[] sec1) throws GeneralSecurityException {
        Der outer = Der.at(sec1, 0);
        if (outer.tag() != 0x30) {
            throw new GeneralSecurityException("malformed EC PRIVATE KEY");
        }
        int position = outer.valueStart();
        while (position < outer.end()) {
            Der element = Der.at(sec1, position);
            if (element.tag() == 0xA0) {
                Der oid = Der.at(sec1, element.valueStart());
                if (oid.tag() == 0x06) {
                    return java.util.Arrays.copyOfRange(sec1, element.valueStart(), oid.end());
                }
            }
            position = element.end();
        }
        throw new GeneralSecurityException("EC PRIVATE KEY without a named curve is not supported");
    }

    private record Der(int tag, int valueStart, int end) {
        static Der at(byte[] data, int offset) throws GeneralSecurityException {
            if (offset + 2 > data.length) {
                throw new GeneralSecurityException("truncated DER");
            }
            int tag = data[offset] & 0xFF;
            int first = data[offset + 1] & 0xFF;
            int position = offset + 2;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int bytes = first & 0x7F;
                if (bytes == 0 || bytes > 4 || position + bytes > data.length) {
                    throw new GeneralSecurityException("malformed DER length");
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (data[position++] & 0xFF);
                }
            }
            if (position + length > data.length) {
                throw new GeneralSecurityException("truncated DER");
            }
            return new Der(tag, position, (int) (position + length));
        }
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private record Block(String type, byte[] der) {
    }

    private static List<Block> blocks(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            String base64 = matcher.group(2).replaceAll("\\s", "");
            try {
                blocks.add(new Block(matcher.group(1), Base64.getDecoder().decode(base64)));
            } catch (IllegalArgumentException e) {
                throw new IOException("malformed PEM block " + matcher.group(1) + " in " + file, e);
            }
        }
        return blocks;
    }
}
