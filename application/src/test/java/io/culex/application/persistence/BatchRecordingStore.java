package io.culex.application.persistence;

import io.culex.application.storage.memory.MemoryStateStore;
import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.port.StateStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The memory store, keeping the operations of each batch it applied. */
final class BatchRecordingStore implements StateStore {
    final MemoryStateStore store = new MemoryStateStore();
    final List<List<StoreOperation>> batches = new CopyOnWriteArrayList<>();

    @Override
    public void apply(List<StoreOperation> operations) {
        batches.add(List.copyOf(operations));
        store.apply(operations);
    }

    @Override public RecoveredState recover() { return store.recover(); }
    @Override public List<RecoveredState.QueuedMessage> readQueue(String id, long after, int limit) {
        return store.readQueue(id, after, limit);
    }
    @Override public void close() { }
}
