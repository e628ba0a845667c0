package io.culex.application.security.enhanced;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads the two SCRAM client messages of RFC 5802 section 7 strictly. Culex offers no channel binding and no
 * authorization identity, so the gs2 header must be exactly {@code n,,}; a mandatory extension ({@code m=}) is
 * refused as the RFC requires, optional extensions are checked for shape and ignored.
 */
final class ScramMessages {

    static final String GS2_HEADER = "n,,";

    private ScramMessages() {
    }

    static ClientFirstMessage parseClientFirst(byte[] data) throws ScramFormatException {
        String text = text(data);
        if (text.startsWith("y,")) {
            throw new ScramFormatException("client asks about channel binding ('y'); only 'n,,' is accepted");
        }
        if (text.startsWith("p=")) {
            throw new ScramFormatException("client requires channel binding ('p='), which Culex does not offer");
        }
        if (!text.startsWith("n,")) {
            throw new ScramFormatException("gs2 header does not start with 'n,'");
        }
        if (text.startsWith("n,a=")) {
            throw new ScramFormatException("authorization identity ('a=') not supported");
        }
        if (!text.startsWith(GS2_HEADER)) {
            throw new ScramFormatException("malformed gs2 header");
        }
        String bare = text.substring(GS2_HEADER.length());
        String[] attributes = bare.split(",", -1);
        if (attributes[0].startsWith("m=")) {
            throw new ScramFormatException("mandatory extension ('m=') not supported");
        }
        String username = decodeSaslname(attribute(attributes, 0, 'n'));
        String nonce = nonce(attribute(attributes, 1, 'r'));
        checkExtensions(attributes, 2, attributes.length);
        return new ClientFirstMessage(GS2_HEADER, bare, username, nonce);
    }

    static ClientFinalMessage parseClientFinal(byte[] data) throws ScramFormatException {
        String text = text(data);
        String[] attributes = text.split(",", -1);
        byte[] channelBinding = base64(attribute(attributes, 0, 'c'), 'c');
        String nonce = nonce(attribute(attributes, 1, 'r'));
        int last = attributes.length - 1;
        if (last < 2) {
            throw new ScramFormatException("missing attribute 'p'");
        }
        byte[] proof = base64(attribute(attributes, last, 'p'), 'p');
        checkExtensions(attributes, 2, last);
        String withoutProof = text.substring(0, text.length() - attributes[last].length() - 1);
        return new ClientFinalMessage(channelBinding, nonce, proof, withoutProof);
    }

    /** RFC 5802's saslname: {@code ,} and {@code =} travel as {@code =2C} and {@code =3D}; no other escape exists. */
    static String decodeSaslname(String saslname) throws ScramFormatException {
        StringBuilder name = new StringBuilder(saslname.length());
        for (int i = 0; i < saslname.length(); i++) {
            char c = saslname.charAt(i);
            if (c != '=') {
                name.append(c);
            } else if (saslname.startsWith("=2C", i)) {
                name.append(',');
                i += 2;
            } else if (saslname.startsWith("=3D", i)) {
                name.append('=');
                i += 2;
            } else {
                throw new ScramFormatException("username has '=' not followed by 2C or 3D");
            }
        }
        return name.toString();
    }

    /** Strict UTF-8; a NUL is in no SCRAM attribute value. */
    private static String text(byte[] data) throws ScramFormatException {
        if (data == null || data.length == 0) {
            throw new ScramFormatException("no authentication data");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new ScramFormatException("not UTF-8");
        }
        if (text.indexOf('\0') >= 0) {
            throw new ScramFormatException("NUL character");
        }
        return text;
    }

    /** The value of the {@code name=value} attribute at {@code index}; RFC 5802 fixes the order. */
    private static String attribute(String[] attributes, int index, char name) throws ScramFormatException {
        if (index >= attributes.length) {
            throw new ScramFormatException("missing attribute '" + name + "'");
        }
        String attribute = attributes[index];
        if (attribute.length() < 2 || attribute.charAt(0) != name || attribute.charAt(1) != '=') {
            throw new ScramFormatException("attribute " + (index + 1) + " is not '" + name + "='");
        }
        if (attribute.length() == 2) {
            throw new ScramFormatException("attribute '" + name + "' is empty");
        }
        return attribute.substring(2);
    }

    /** RFC 5802: printable ASCII except {@code ,}. */
    private static String nonce(String nonce) throws ScramFormatException {
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new ScramFormatException("nonce has a character that is not printable ASCII");
            }
        }
        return nonce;
    }

    /** Standard Base64 with its padding: the length is a multiple of 4. */
    private static byte[] base64(String value, char name) throws ScramFormatException {
        try {
            if (value.length() % 4 != 0) {
                throw new IllegalArgumentException("unpadded");
            }
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new ScramFormatException("attribute '" + name + "' is not valid Base64");
        }
    }

    /** Optional extensions: {@code <letter>=<value>}; none is understood, so they are only checked. */
    private static void checkExtensions(String[] attributes, int from, int to) throws ScramFormatException {
        for (int i = from; i < to; i++) {
            String attribute = attributes[i];
            boolean letter = !attribute.isEmpty()
                    && (attribute.charAt(0) >= 'a' && attribute.charAt(0) <= 'z'
                            || attribute.charAt(0) >= 'A' && attribute.charAt(0) <= 'Z');
            if (!letter || attribute.length() < 3 || attribute.charAt(1) != '=') {
                throw new ScramFormatException("attribute " + (i + 1) + " is not '<letter>=<value>'");
            }
        }
    }
}
