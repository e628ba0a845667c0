package io.culex.adapters.rocksdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The binary keys of the store. Every key starts with {@link #VERSION}. A session's keys in every column
 * family start with the same <em>client prefix</em> {@code [version][clientId length, unsigned LEB128 varint]
 * [clientId UTF-8]}: the length makes the prefix of "a" differ from that of "ab" in its second byte, so no
 * client's range ever contains another's, and a session's rows are one contiguous range
 * {@code [prefix, successor(prefix))} in RocksDB's bytewise order.
 *
 * <pre>
 * sessions       prefix
 * subscriptions  prefix + filter UTF-8
 * queue          prefix + sequence (8 bytes big-endian, sign bit flipped so negative numbers sort first)
 * flights        prefix + send order (8 bytes, as above); + 0x00: the flight's "released" marker
 * inbound_qos2   prefix + packet id (2 bytes big-endian)
 * retained       [version] + topic UTF-8
 * </pre>
 */
final class Keys {

    /** The key format; a new layout gets a new byte so old and new keys never mix. */
    static final byte VERSION = 1;

    private Keys() {
    }

    static byte[] clientPrefix(String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = new byte[1 + varIntLength(id.length) + id.length];
        prefix[0] = VERSION;
        int at = writeVarInt(prefix, 1, id.length);
        System.arraycopy(id, 0, prefix, at, id.length);
        return prefix;
    }

    static byte[] session(String clientId) {
        return clientPrefix(clientId);
    }

    static byte[] subscription(String clientId, String filter) {
        return concat(clientPrefix(clientId), filter.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] queue(String clientId, long sequence) {
        return withLong(clientPrefix(clientId), sequence);
    }

    static byte[] queue(byte[] clientPrefix, long sequence) {
        return withLong(clientPrefix, sequence);
    }

    static byte[] flight(String clientId, long sendOrder) {
        return withLong(clientPrefix(clientId), sendOrder);
    }

    /** Sorts right after its flight's key: present while the flight awaits PUBCOMP. */
    static byte[] flightReleased(String clientId, long sendOrder) {
        byte[] flight = flight(clientId, sendOrder);
        return Arrays.copyOf(flight, flight.length + 1);
    }

    static byte[] inboundQos2(String clientId, int packetId) {
        byte[] prefix = clientPrefix(clientId);
        byte[] key = Arrays.copyOf(prefix, prefix.length + 2);
        key[prefix.length] = (byte) (packetId >>> 8);
        key[prefix.length + 1] = (byte) packetId;
        return key;
    }

    static byte[] retained(String topic) {
        return concat(new byte[] {VERSION}, topic.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The smallest key greater than every key starting with {@code prefix}: the exclusive end of its range.
     * Never fails for our prefixes, which start with the version byte (not 0xFF).
     */
    static byte[] successor(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        throw new IllegalArgumentException("a prefix of 0xFF bytes only has no successor");
    }

    // ---- reading keys back ----

    /** The length of the client prefix a session key starts with. */
    static int clientPrefixLength(byte[] key) {
        checkVersion(key);
        int length = 0;
        int shift = 0;
        int at = 1;
        while (true) {
            if (at >= key.length || shift > 28) {
                throw new IllegalArgumentException("malformed client prefix in key " + hex(key));
            }
            byte b = key[at++];
            length |= (b & 0x7F) << shift;
            if (b >= 0) {
                break;
            }
            shift += 7;
        }
        if (length < 0 || at + length > key.length) {
            throw new IllegalArgumentException("malformed client prefix in key " + hex(key));
        }
        return at + length;
    }

    /** The client id of a key whose client prefix is {@code prefixLength} long ({@link #clientPrefixLength}). */
    static String clientId(byte[] key, int prefixLength) {
        int at = 1;
        while (key[at] < 0) {
            at++;
        }
        at++;
        return new String(key, at, prefixLength - at, StandardCharsets.UTF_8);
    }

    /** The UTF-8 text after {@code offset} (a subscription's filter, a retained message's topic). */
    static String textAfter(byte[] key, int offset) {
        return new String(key, offset, key.length - offset, StandardCharsets.UTF_8);
    }

    static String topic(byte[] retainedKey) {
        checkVersion(retainedKey);
        return textAfter(retainedKey, 1);
    }

    static long longAt(byte[] key, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (key[offset + i] & 0xFF);
        }
        return value ^ Long.MIN_VALUE;
    }

    static int packetIdAt(byte[] key, int offset) {
        return ((key[offset] & 0xFF) << 8) | (key[offset + 1] & 0xFF);
    }

    private static void checkVersion(byte[] key) {
        if (key.length == 0 || key[0] != VERSION) {
            throw new IllegalArgumentException("unknown key format " + hex(key));
        }
    }

    // ---- helpers ----

    private static byte[] withLong(byte[] prefix, long value) {
        byte[] key = Arrays.copyOf(prefix, prefix.length + 8);
        long ordered = value ^ Long.MIN_VALUE;
        for (int i = 7; i >= 0; i--) {
            key[prefix.length + i] = (byte) ordered;
            ordered >>>= 8;
        }
        return key;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static int varIntLength(int value) {
        int length = 1;
        while ((value & ~0x7F) != 0) {
            value >>>= 7;
            length++;
        }
        return length;
    }

    private static int writeVarInt(byte[] into, int at, int value) {
        while ((value & ~0x7F) != 0) {
            into[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        into[at++] = (byte) value;
        return at;
    }

    static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 2);
        for (int i = 0; i < Math.min(bytes.length, 64); i++) {
            text.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
        }
        return bytes.length > 64 ? text + "..." : text.toString();
    }
}
