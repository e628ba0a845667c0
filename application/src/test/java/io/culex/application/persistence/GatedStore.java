package io.culex.application.persistence;

import io.culex.application.storage.memory.MemoryStateStore;
import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.port.StateStore;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The memory store, whose writes wait for the test to let them through. */
final class GatedStore implements StateStore {
    final MemoryStateStore store = new MemoryStateStore();
    final CountDownLatch open = new CountDownLatch(1);

    @Override
    public void apply(List<StoreOperation> operations) {
        try {
            open.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.apply(operations);
    }

    @Override public RecoveredState recover() { return store.recover(); }
    @Override public List<RecoveredState.QueuedMessage> readQueue(String id, long after, int limit) {
        return store.readQueue(id, after, limit);
    }
    @Override public void close() { }
}
