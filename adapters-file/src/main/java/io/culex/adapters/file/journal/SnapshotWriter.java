package io.culex.adapters.file.journal;

import io.culex.domain.persistence.RecoveredState.RecoveredFlight;
import io.culex.domain.persistence.StoreOperation.FlightReleased;
import io.culex.domain.persistence.StoreOperation.FlightStarted;
import io.culex.domain.persistence.StoreOperation.InboundQos2Received;
import io.culex.domain.persistence.StoreOperation.RetainedSaved;
import io.culex.domain.persistence.StoreOperation.SessionDisconnected;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.persistence.StoreOperation.SubscriptionSaved;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.topic.Subscription;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a snapshot of a frozen copy of the state, a bounded number of bytes per {@link #writeSome} call, so
 * that a compaction can advance a little after each batch on the writer thread. The snapshot holds the same
 * records as a journal: per session its SessionSaved, SessionDisconnected, subscriptions, flights, inbound
 * QoS 2 ids and queued messages (their encoded bytes copied from the files they were in), then the retained
 * messages, then an end record.
 */
final class SnapshotWriter {

    /** One session as it was when the compaction started. */
    static final class FrozenSession {
        final String clientId;
        final byte[] clientIdUtf8;
        final long expiryIntervalSeconds;
        final long disconnectedAt;
        final List<Subscription> subscriptions;
        final List<RecoveredFlight> flights;
        final List<Integer> inboundQos2;
        final long[] sequences;
        final long[] oldLocations;
        final long[] newLocations;

        FrozenSession(String clientId, LiveState.Session session) {
            this.clientId = clientId;
            this.clientIdUtf8 = clientId.getBytes(StandardCharsets.UTF_8);
            this.expiryIntervalSeconds = session.expiryIntervalSeconds;
            this.disconnectedAt = session.disconnectedAt;
            this.subscriptions = session.subscriptions == null ? List.of() : List.copyOf(session.subscriptions.values());
            this.flights = session.flights == null ? List.of() : List.copyOf(session.flights.values());
            this.inboundQos2 = session.inboundQos2 == null ? List.of() : List.copyOf(session.inboundQos2);
            int size = session.queue.size();
            this.sequences = new long[size];
            this.oldLocations = new long[size];
            this.newLocations = new long[size];
            session.queue.copyTo(sequences, oldLocations);
        }
    }

    static final int RECORD_TARGET = 256 * 1024;

    private final FileChannel out;
    private final Path path;
    private final List<FrozenSession> sessions;
    private final List<StoredMessage> retained;
    private final DeliveryReader reader;
    private final Codec.Output record = new Codec.Output(RECORD_TARGET + 64 * 1024);
    private long position = Records.FILE_HEADER_SIZE;
    private long records;
    private int sessionIndex;
    /** Within the current session: -1 before its own operations, then the index of the next queued message. */
    private int queueIndex = -1;
    private int retainedIndex;
    private boolean ended;
    private long queuedWritten;

    SnapshotWriter(FileChannel out, Path path, LiveState state, FileChannel[] sources, Path[] sourcePaths) {
        this.out = out;
        this.path = path;
        this.sessions = new ArrayList<>(state.sessions.size());
        state.sessions.forEach((id, session) -> sessions.add(new FrozenSession(id, session)));
        this.retained = List.copyOf(state.retained.values());
        this.reader = new DeliveryReader(sources, sourcePaths, 1 << 20);
    }

    List<FrozenSession> sessions() {
        return sessions;
    }

    long bytesWritten() {
        return position;
    }

    long queuedWritten() {
        return queuedWritten;
    }

    boolean done() {
        return ended;
    }

    /** Writes at least {@code budget} bytes (whole records) unless it ends first; returns whether it has ended. */
    boolean writeSome(long budget) throws IOException {
        long stop = budget > Long.MAX_VALUE - position ? Long.MAX_VALUE : position + budget;
        while (!ended && position < stop) {
            writeRecord();
        }
        return ended;
    }

    private void writeRecord() throws IOException {
        Records.begin(record);
        int count = 0;
        long recordStart = position;
        while (record.length < RECORD_TARGET) {
            if (sessionIndex < sessions.size()) {
                FrozenSession session = sessions.get(sessionIndex);
                if (queueIndex < 0) {
                    count += writeSessionHead(session);
                    queueIndex = 0;
                } else if (queueIndex < session.sequences.length) {
                    record.u8(Codec.ENQUEUED);
                    record.bytes(session.clientIdUtf8);
                    record.i64(session.sequences[queueIndex]);
                    int at = record.length;
                    long location = session.oldLocations[queueIndex];
                    byte[] raw;
                    try {
                        raw = reader.read(location);
                    } catch (IOException e) {
                        throw new IOException("copying a queued message of '" + session.clientId + "' from "
                                + reader.path(location) + ": " + e.getMessage(), e);
                    }
                    record.raw(raw, 0, raw.length);
                    session.newLocations[queueIndex] = Locations.pack(Locations.SNAPSHOT, recordStart + at, raw.length);
                    queueIndex++;
                    queuedWritten++;
                    count++;
                } else {
                    sessionIndex++;
                    queueIndex = -1;
                }
            } else if (retainedIndex < retained.size()) {
                Codec.writeOperation(record, new RetainedSaved(retained.get(retainedIndex++)));
                count++;
            } else {
                if (count > 0) {
                    break; // the end marker goes in a record of its own
                }
                record.u8(Codec.SNAPSHOT_END);
                record.i64(records);
                count++;
                ended = true;
                break;
            }
        }
        Records.seal(record, count);
        Records.writeFully(out, record.buffer, record.length, position);
        position += record.length;
        records++;
        if (record.buffer.length > 4 * (RECORD_TARGET + 64 * 1024)) {
            record.buffer = new byte[RECORD_TARGET + 64 * 1024];
        }
    }

    private int writeSessionHead(FrozenSession session) {
        String id = session.clientId;
        int count = 0;
        Codec.writeOperation(record, new SessionSaved(id, session.expiryIntervalSeconds));
        count++;
        if (session.disconnectedAt != 0) {
            Codec.writeOperation(record, new SessionDisconnected(id, session.disconnectedAt));
            count++;
        }
        for (Subscription subscription : session.subscriptions) {
            Codec.writeOperation(record, new SubscriptionSaved(id, subscription));
            count++;
        }
        for (RecoveredFlight flight : session.flights) {
            Codec.writeOperation(record, new FlightStarted(id, flight.packetId(), flight.delivery()));
            count++;
            if (flight.released()) {
                Codec.writeOperation(record, new FlightReleased(id, flight.packetId()));
                count++;
            }
        }
        for (int packetId : session.inboundQos2) {
            Codec.writeOperation(record, new InboundQos2Received(id, packetId));
            count++;
        }
        return count;
    }

    Path path() {
        return path;
    }
}
