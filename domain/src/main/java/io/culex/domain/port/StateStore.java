package io.culex.domain.port;

import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.persistence.RecoveredState.QueuedMessage;
import io.culex.domain.persistence.StoreOperation;
import java.util.List;

/**
 * Durable state of persistent sessions and retained messages: the port every storage backend
 * (file, SQLite, RocksDB, ...) implements. The broker calls it from one writer thread, so an
 * implementation needs no locking of its own for {@link #apply}; {@link #readQueue} may run
 * concurrently with it.
 */
public interface StateStore extends AutoCloseable {

    /**
     * Applies the operations in order and atomically: after a crash either all of them are there or
     * none. Durable when it returns (the broker acknowledges publishers only after that).
     *
     * @throws StoreException if they could not be stored (disk full, I/O error): nothing of them applies
     */
    void apply(List<StoreOperation> operations);

    /** Reads everything back, for start-up. */
    RecoveredState recover();

    /**
     * Up to {@code limit} queued messages of a session with a sequence above {@code afterSequence},
     * in sequence order.
     */
    List<QueuedMessage> readQueue(String clientId, long afterSequence, int limit);

    /** Releases files and handles; the state stays on disk. */
    @Override
    void close();

    /** The store could not do what was asked; the message says what and why (file, error). */
    final class StoreException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
