package io.culex.adapters.file.journal;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.message.UserProperty;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.Dequeued;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.persistence.StoreOperation.FlightEnded;
import io.culex.domain.persistence.StoreOperation.FlightReleased;
import io.culex.domain.persistence.StoreOperation.FlightStarted;
import io.culex.domain.persistence.StoreOperation.InboundQos2Received;
import io.culex.domain.persistence.StoreOperation.InboundQos2Released;
import io.culex.domain.persistence.StoreOperation.RetainedDeleted;
import io.culex.domain.persistence.StoreOperation.RetainedSaved;
import io.culex.domain.persistence.StoreOperation.SessionDeleted;
import io.culex.domain.persistence.StoreOperation.SessionDisconnected;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.persistence.StoreOperation.SubscriptionDeleted;
import io.culex.domain.persistence.StoreOperation.SubscriptionSaved;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.topic.Subscription;
import io.culex.domain.topic.Subscription.RetainHandling;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binary encoding of {@link StoreOperation}s inside a record body (see the package documentation):
 * big-endian integers, strings as a 4-byte UTF-8 length and the bytes (length -1 for null), booleans and
 * enums as one byte. A {@link StoredDelivery} starts with its own total length, so that a queued message can
 * be read back from its file position alone.
 */
final class Codec {

    /** The version byte that opens every record body; a reader refuses versions it does not know. */
    static final int RECORD_VERSION = 1;

    static final int SESSION_SAVED = 1;
    static final int SESSION_DISCONNECTED = 2;
    static final int SESSION_DELETED = 3;
    static final int SUBSCRIPTION_SAVED = 4;
    static final int SUBSCRIPTION_DELETED = 5;
    static final int ENQUEUED = 6;
    static final int DEQUEUED = 7;
    static final int FLIGHT_STARTED = 8;
    static final int FLIGHT_RELEASED = 9;
    static final int FLIGHT_ENDED = 10;
    static final int INBOUND_QOS2_RECEIVED = 11;
    static final int INBOUND_QOS2_RELEASED = 12;
    static final int RETAINED_SAVED = 13;
    static final int RETAINED_DELETED = 14;
    /** Closes a snapshot: a long with the number of records before it. */
    static final int SNAPSHOT_END = 127;

    private Codec() {
    }

    /** A growable big-endian output buffer. */
    static final class Output {
        byte[] buffer;
        int length;

        Output(int capacity) {
            buffer = new byte[capacity];
        }

        void reset() {
            length = 0;
        }

        private void ensure(int more) {
            long needed = (long) length + more;
            if (needed > buffer.length) {
                if (needed > Integer.MAX_VALUE - 16) {
                    throw new IllegalArgumentException("a record cannot exceed 2 GiB");
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, buffer.length * 2L)));
            }
        }

        void u8(int value) {
            ensure(1);
            buffer[length++] = (byte) value;
        }

        void i32(int value) {
            ensure(4);
            Codec.putInt(buffer, length, value);
            length += 4;
        }

        void i64(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[length++] = (byte) (value >>> shift);
            }
        }

        void raw(byte[] bytes, int offset, int count) {
            ensure(count);
            System.arraycopy(bytes, offset, buffer, length, count);
            length += count;
        }

        void bytes(byte[] bytes) {
            i32(bytes.length);
            raw(bytes, 0, bytes.length);
        }

        void nullableBytes(byte[] bytes) {
            if (bytes == null) {
                i32(-1);
            } else {
                bytes(bytes);
            }
        }

        void string(String value) {
            bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        void nullableString(String value) {
            nullableBytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        void bool(boolean value) {
            u8(value ? 1 : 0);
        }

        /** Overwrites four bytes already written. */
        void putInt(int at, int value) {
            Codec.putInt(buffer, at, value);
        }
    }

    static void putInt(byte[] buffer, int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }

    static int getInt(byte[] buffer, int at) {
        return (buffer[at] & 0xFF) << 24 | (buffer[at + 1] & 0xFF) << 16 | (buffer[at + 2] & 0xFF) << 8
                | buffer[at + 3] & 0xFF;
    }

    /** Input was not what the encoder writes (a record that passed its checksum but does not decode). */
    static final class MalformedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    /** A bounds-checked big-endian reader over part of an array. */
    static final class Input {
        final byte[] buffer;
        int position;
        final int end;

        Input(byte[] buffer, int position, int end) {
            this.buffer = buffer;
            this.position = position;
            this.end = end;
        }

        private void need(int count) {
            if (count < 0 || end - position < count) {
                throw new MalformedException("field of " + count + " bytes runs past the end at " + position);
            }
        }

        boolean hasMore() {
            return position < end;
        }

        int u8() {
            need(1);
            return buffer[position++] & 0xFF;
        }

        int i32() {
            need(4);
            int value = getInt(buffer, position);
            position += 4;
            return value;
        }

        long i64() {
            need(8);
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = value << 8 | (buffer[position++] & 0xFF);
            }
            return value;
        }

        byte[] bytes() {
            int count = i32();
            need(count);
            byte[] bytes = Arrays.copyOfRange(buffer, position, position + count);
            position += count;
            return bytes;
        }

        byte[] nullableBytes() {
            need(4);
            if (getInt(buffer, position) == -1) {
                position += 4;
                return null;
            }
            return bytes();
        }

        String string() {
            int count = i32();
            need(count);
            String value = new String(buffer, position, count, StandardCharsets.UTF_8);
            position += count;
            return value;
        }

        String nullableString() {
            byte[] bytes = nullableBytes();
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }

        boolean bool() {
            int value = u8();
            if (value > 1) {
                throw new MalformedException("boolean " + value + " at " + (position - 1));
            }
            return value == 1;
        }

        QoS qos() {
            int value = u8();
            if (value > 2) {
                throw new MalformedException("QoS " + value + " at " + (position - 1));
            }
            return QoS.of(value);
        }

        void skip(int count) {
            need(count);
            position += count;
        }
    }

    // ---- operations ----

    /**
     * Appends one operation. For {@link Enqueued} it returns the offset in {@code out} where the delivery
     * starts (its length prefix), else -1.
     */
    static int writeOperation(Output out, StoreOperation operation) {
        if (operation instanceof SessionSaved op) {
            out.u8(SESSION_SAVED);
            out.string(op.clientId());
            out.i64(op.expiryIntervalSeconds());
        } else if (operation instanceof SessionDisconnected op) {
            out.u8(SESSION_DISCONNECTED);
            out.string(op.clientId());
            out.i64(op.atEpochMillis());
        } else if (operation instanceof SessionDeleted op) {
            out.u8(SESSION_DELETED);
            out.string(op.clientId());
        } else if (operation instanceof SubscriptionSaved op) {
            out.u8(SUBSCRIPTION_SAVED);
            out.string(op.clientId());
            writeSubscription(out, op.subscription());
        } else if (operation instanceof SubscriptionDeleted op) {
            out.u8(SUBSCRIPTION_DELETED);
            out.string(op.clientId());
            out.string(op.filter());
        } else if (operation instanceof Enqueued op) {
            out.u8(ENQUEUED);
            out.string(op.clientId());
            out.i64(op.sequence());
            int at = out.length;
            writeDelivery(out, op.delivery());
            return at;
        } else if (operation instanceof Dequeued op) {
            out.u8(DEQUEUED);
            out.string(op.clientId());
            out.i64(op.sequence());
        } else if (operation instanceof FlightStarted op) {
            out.u8(FLIGHT_STARTED);
            out.string(op.clientId());
            out.i32(op.packetId());
            writeDelivery(out, op.delivery());
        } else if (operation instanceof FlightReleased op) {
            out.u8(FLIGHT_RELEASED);
            out.string(op.clientId());
            out.i32(op.packetId());
        } else if (operation instanceof FlightEnded op) {
            out.u8(FLIGHT_ENDED);
            out.string(op.clientId());
            out.i32(op.packetId());
        } else if (operation instanceof InboundQos2Received op) {
            out.u8(INBOUND_QOS2_RECEIVED);
            out.string(op.clientId());
            out.i32(op.packetId());
        } else if (operation instanceof InboundQos2Released op) {
            out.u8(INBOUND_QOS2_RELEASED);
            out.string(op.clientId());
            out.i32(op.packetId());
        } else if (operation instanceof RetainedSaved op) {
            out.u8(RETAINED_SAVED);
            writeMessage(out, op.message());
        } else if (operation instanceof RetainedDeleted op) {
            out.u8(RETAINED_DELETED);
            out.string(op.topic());
        } else {
            throw new IllegalArgumentException("unknown operation " + operation);
        }
        return -1;
    }

    /** Receives decoded operations; an Enqueued comes without its delivery, as its position in the body. */
    interface OperationSink {
        void operation(StoreOperation operation);

        void enqueued(String clientId, long sequence, int deliveryOffset, int deliveryLength);
    }

    /** Decodes one operation; returns false at {@link #SNAPSHOT_END} (whose count is then in {@code endCount[0]}). */
    static boolean readOperation(Input in, OperationSink sink, long[] endCount) {
        int tag = in.u8();
        switch (tag) {
            case SESSION_SAVED -> sink.operation(new SessionSaved(in.string(), in.i64()));
            case SESSION_DISCONNECTED -> sink.operation(new SessionDisconnected(in.string(), in.i64()));
            case SESSION_DELETED -> sink.operation(new SessionDeleted(in.string()));
            case SUBSCRIPTION_SAVED -> sink.operation(new SubscriptionSaved(in.string(), readSubscription(in)));
            case SUBSCRIPTION_DELETED -> sink.operation(new SubscriptionDeleted(in.string(), in.string()));
            case ENQUEUED -> {
                String clientId = in.string();
                long sequence = in.i64();
                int at = in.position;
                int length = in.i32();
                if (length < 4) {
                    throw new MalformedException("delivery length " + length + " at " + at);
                }
                in.skip(length - 4);
                sink.enqueued(clientId, sequence, at, length);
            }
            case DEQUEUED -> sink.operation(new Dequeued(in.string(), in.i64()));
            case FLIGHT_STARTED -> sink.operation(new FlightStarted(in.string(), in.i32(), readDelivery(in)));
            case FLIGHT_RELEASED -> sink.operation(new FlightReleased(in.string(), in.i32()));
            case FLIGHT_ENDED -> sink.operation(new FlightEnded(in.string(), in.i32()));
            case INBOUND_QOS2_RECEIVED -> sink.operation(new InboundQos2Received(in.string(), in.i32()));
            case INBOUND_QOS2_RELEASED -> sink.operation(new InboundQos2Released(in.string(), in.i32()));
            case RETAINED_SAVED -> sink.operation(new RetainedSaved(readMessage(in)));
            case RETAINED_DELETED -> sink.operation(new RetainedDeleted(in.string()));
            case SNAPSHOT_END -> {
                endCount[0] = in.i64();
                return false;
            }
            default -> throw new MalformedException("unknown operation tag " + tag + " at " + (in.position - 1));
        }
        return true;
    }

    // ---- parts ----

    static void writeSubscription(Output out, Subscription subscription) {
        out.string(subscription.filter());
        out.u8(subscription.maxQos().value());
        out.bool(subscription.noLocal());
        out.bool(subscription.retainAsPublished());
        out.u8(subscription.retainHandling().ordinal());
        out.i32(subscription.identifier());
    }

    static Subscription readSubscription(Input in) {
        String filter = in.string();
        QoS maxQos = in.qos();
        boolean noLocal = in.bool();
        boolean retainAsPublished = in.bool();
        int retainHandling = in.u8();
        if (retainHandling >= RetainHandling.values().length) {
            throw new MalformedException("retain handling " + retainHandling);
        }
        int identifier = in.i32();
        if (identifier < 0) {
            throw new MalformedException("subscription identifier " + identifier);
        }
        return new Subscription(filter, maxQos, noLocal, retainAsPublished, RetainHandling.of(retainHandling),
                identifier);
    }

    /** Length-prefixed: the first four bytes hold the delivery's whole encoded length, themselves included. */
    static void writeDelivery(Output out, StoredDelivery delivery) {
        int start = out.length;
        out.i32(0);
        out.u8(delivery.qos().value());
        out.bool(delivery.retainFlag());
        List<Integer> ids = delivery.subscriptionIds();
        out.i32(ids.size());
        for (int id : ids) {
            out.i32(id);
        }
        writeMessage(out, delivery.message());
        out.putInt(start, out.length - start);
    }

    static StoredDelivery readDelivery(Input in) {
        int start = in.position;
        int length = in.i32();
        if (length < 4 || length - 4 > in.end - in.position) {
            throw new MalformedException("delivery length " + length + " at " + start);
        }
        QoS qos = in.qos();
        boolean retainFlag = in.bool();
        int count = in.i32();
        if (count < 0 || count > (in.end - in.position) / 4) {
            throw new MalformedException("subscription id count " + count + " at " + (in.position - 4));
        }
        List<Integer> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(in.i32());
        }
        StoredMessage message = readMessage(in);
        if (in.position - start != length) {
            throw new MalformedException("delivery at " + start + " is " + (in.position - start)
                    + " bytes, its prefix says " + length);
        }
        return new StoredDelivery(message, qos, retainFlag, ids);
    }

    /** A delivery read back from a file position: {@code raw} holds exactly its encoded bytes. */
    static StoredDelivery decodeDelivery(byte[] raw) {
        Input in = new Input(raw, 0, raw.length);
        StoredDelivery delivery = readDelivery(in);
        if (in.hasMore()) {
            throw new MalformedException("trailing bytes after a delivery");
        }
        return delivery;
    }

    static void writeMessage(Output out, StoredMessage message) {
        out.string(message.topic());
        out.bytes(message.payload());
        out.u8(message.qos().value());
        out.bool(message.retain());
        out.i64(message.expiresAtEpochMillis());
        out.nullableString(message.origin());
        MessageProperties properties = message.properties();
        Integer format = properties.payloadFormatIndicator();
        out.bool(format != null);
        out.i32(format == null ? 0 : format);
        out.nullableString(properties.contentType());
        out.nullableString(properties.responseTopic());
        out.nullableBytes(properties.correlationData());
        List<UserProperty> user = properties.userProperties();
        out.i32(user.size());
        for (UserProperty property : user) {
            out.string(property.name());
            out.string(property.value());
        }
    }

    static StoredMessage readMessage(Input in) {
        String topic = in.string();
        byte[] payload = in.bytes();
        QoS qos = in.qos();
        boolean retain = in.bool();
        long expiresAt = in.i64();
        String origin = in.nullableString();
        boolean hasFormat = in.bool();
        int format = in.i32();
        String contentType = in.nullableString();
        String responseTopic = in.nullableString();
        byte[] correlation = in.nullableBytes();
        int count = in.i32();
        if (count < 0 || count > (in.end - in.position) / 8) {
            throw new MalformedException("user property count " + count + " at " + (in.position - 4));
        }
        List<UserProperty> user = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            user.add(new UserProperty(in.string(), in.string()));
        }
        MessageProperties properties = !hasFormat && contentType == null && responseTopic == null
                && correlation == null && user.isEmpty()
                ? MessageProperties.NONE
                : new MessageProperties(hasFormat ? format : null, contentType, responseTopic, correlation, user);
        return new StoredMessage(topic, payload, qos, retain, properties, expiresAt, origin);
    }

    /** Roughly what a message costs on disk, for the compaction trigger (deterministic for one message). */
    static long estimatedSize(StoredMessage message) {
        MessageProperties properties = message.properties();
        long size = 64L + message.topic().length() + message.payload().length;
        if (properties != MessageProperties.NONE) {
            size += 32 + (properties.correlationData() == null ? 0 : properties.correlationData().length);
            for (UserProperty property : properties.userProperties()) {
                size += 8 + property.name().length() + property.value().length();
            }
        }
        return size;
    }
}
