/**
 * The {@code file} storage backend: an append-only journal on top of a snapshot.
 *
 * <h2>Files</h2>
 * In {@code persistence_location}, named after {@code persistence_file} ({@code mosquitto.db} by default):
 * <ul>
 *   <li>{@code mosquitto.db.lock}: held with {@code FileChannel.tryLock} while a store is open, so that a second
 *       broker cannot open the same store;</li>
 *   <li>{@code mosquitto.db.snapshot}: the live state at some point (absent until the first compaction);</li>
 *   <li>{@code mosquitto.db.journal}: every batch applied since that snapshot;</li>
 *   <li>{@code mosquitto.db.journal.old}: during a compaction, the journal the new snapshot will hold;</li>
 *   <li>{@code *.tmp}: files being written; deleted at open.</li>
 * </ul>
 * Both kinds of file start with a 32-byte header: 8 bytes of magic ({@code CULXJRNL} or {@code CULXSNAP}), the
 * format version (int, 1), 4 reserved bytes, the <em>generation</em> (long), the CRC32C of the 24 bytes before
 * it, 4 bytes of padding. The state is always "snapshot of generation <i>s</i> (empty if there is none, <i>s</i>
 * = 0), then the journals of generations <i>s</i>, <i>s</i>+1, ... in order"; a journal whose generation is
 * below the snapshot's is already in it and is deleted at open; a gap is an error (a file is missing).
 *
 * <h2>Records</h2>
 * After the header, both files hold records: magic {@code CXR1} (int), body length (int), CRC32C of the length
 * and the body (int), body. A body is a version byte (1: a reader refuses versions it does not know, so the
 * format can evolve), an operation count (int) and the operations. Each {@code apply(batch)} appends one record
 * holding the whole batch, then {@code FileChannel.force(false)}: a batch is all there or not at all, and durable
 * when apply returns. Integers are big-endian; strings are a 4-byte UTF-8 length and the bytes (-1 for null);
 * each operation is a tag byte and its fields (see {@code Codec}); a delivery is prefixed by its own total
 * length, so a queued message can be read from its file offset alone. A snapshot is the same operations (per
 * session: SessionSaved, SessionDisconnected, subscriptions, flights in order, inbound QoS 2 ids, queued
 * messages; then the retained messages) closed by an end record that counts the records before it.
 *
 * <h2>Torn writes and corruption</h2>
 * At open the records are checked one by one; a damaged region never stops the open. Before anything changes a
 * damaged file, it is copied to {@code <file>.damaged-<epochmillis>} (the original bytes are never deleted).
 * A bad record (cut short, failing its checksum, a bad length, zeros, one that passes its checksum but does not
 * decode, or of an unknown version) is skipped by resynchronising on the next offset where a record starts with
 * {@code CXR1} and passes its checksum; every intact record before and after is kept. Each damaged region is
 * logged at WARNING on {@code io.culex.store}: the file, the byte range {@code [from, to)}, the problem, and
 * how many operations it held when the damaged record's header is readable; later operations that refer to what
 * it held (a Dequeued of a message it enqueued) find nothing to change, so the log says the state after it may
 * be partial. Damage running to the end of the journal written last is the write a crash interrupted, never
 * acknowledged: the file is truncated there. Any other damage makes the open compact at once (a snapshot of
 * what was kept, a fresh journal), so the next open is clean. A file header that is damaged is logged the same
 * way; its generation is taken from its place among the files, and its records are still read. A snapshot is
 * written in records of about 256 KiB: a damaged one loses those sessions and retained messages (its end record,
 * when intact, tells how many records were lost), a snapshot cut short loses what followed, and the journals
 * newer than it are still replayed. Only a missing file (a generation gap) still fails the open.
 *
 * <h2>Memory</h2>
 * The state is rebuilt in memory at open by replaying the snapshot and journals, except queued messages: each
 * session keeps only a sorted sequence&rarr;location index in two {@code long} arrays ({@code QueueIndex},
 * 16 bytes an entry plus up to half again while the arrays grow; a location packs the file, the offset and the
 * length), and {@code readQueue} reads the deliveries from the files. Flights and retained messages are kept
 * whole (the broker holds the retained ones anyway).
 *
 * <h2>Compaction</h2>
 * When after a batch the journal is past 64 MiB and past twice the estimated live data, on the writer thread:
 * <ol>
 *   <li>rename {@code journal} (generation <i>g</i>, synced) to {@code journal.old}; create a new journal of
 *       generation <i>g</i>+1 as {@code journal.tmp} (header synced) and rename it to {@code journal};</li>
 *   <li>freeze a copy of the state (the index arrays are copied, the rest is immutable values) and start
 *       {@code snapshot.tmp} of generation <i>g</i>+1;</li>
 *   <li>after each later batch, write at least 1 MiB (and twice that batch) of the snapshot and sync it, copying
 *       queued messages' bytes from the old files, so the pause per batch stays small;</li>
 *   <li>when it is complete: sync, rename {@code snapshot.tmp} to {@code snapshot}, sync the directory, point the
 *       index at the new snapshot, then delete {@code journal.old} (on a separate thread).</li>
 * </ol>
 * A crash at any point leaves a recoverable set: before step 4's rename, the old snapshot, {@code journal.old}
 * and the new journal replay in order (the temporary snapshot is deleted); after it, {@code journal.old} is below
 * the snapshot's generation and is deleted. {@code close()} finishes a compaction in progress; an open that finds
 * {@code journal.old} compacts at once (synchronously, into a snapshot of generation one above the last journal)
 * before it returns. If a compaction fails (disk full), the store carries on with its journals and the
 * next open compacts. Renaming an open file relies on POSIX semantics (Linux, macOS).
 */
package io.culex.adapters.file.journal;
