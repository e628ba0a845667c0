package io.culex.application.persistence;

import io.culex.application.storage.memory.MemoryStateStore;
import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.port.StateStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** The memory store, keeping the operations of each batch it applied. */
public final class BatchRecordingStore implements StateStore {
    public final MemoryStateStore store = new MemoryStateStore();
    public final List<List<StoreOperation>> batches = new CopyOnWriteArrayList<>();

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

    /** The index of the first batch holding an operation {@code test} accepts, or -1. */
    public int batchOf(Predicate<StoreOperation> test) {
        for (int i = 0; i < batches.size(); i++) {
            if (batches.get(i).stream().anyMatch(test)) {
                return i;
            }
        }
        return -1;
    }
}
