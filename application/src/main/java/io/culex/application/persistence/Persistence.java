package io.culex.application.persistence;

import io.culex.domain.message.Message;
import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.persistence.RecoveredState.QueuedMessage;
import io.culex.domain.persistence.StoreOperation.RetainedDeleted;
import io.culex.domain.persistence.StoreOperation.RetainedSaved;
import io.culex.domain.persistence.StoreOperation.SessionDeleted;
import io.culex.domain.persistence.StoreOperation.SessionDisconnected;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.port.Clock;
import io.culex.domain.port.StateStore;
import io.culex.domain.session.Session;
import java.util.List;
import java.util.Optional;

/**
 * What the broker writes to a durable store, and when: persistent sessions (through their
 * {@link StoreJournal}), their lifetimes, and retained messages ($SYS excluded: the broker
 * republishes those). Without a durable store ({@link #none}) nothing is written and nothing waits.
 */
public final class Persistence implements AutoCloseable {

    private static final int QUEUE_PAGE = 10_000;

    private final StateStore store;
    private final StoreWriter writer;
    private final StoredForms forms;

    private Persistence(StateStore store, StoreWriter writer, StoredForms forms) {
        this.store = store;
        this.writer = writer;
        this.forms = forms;
    }

    /** Memory storage: nothing outlives the process. */
    public static Persistence none(Clock clock) {
        return new Persistence(null, null, new StoredForms(clock, System::currentTimeMillis));
    }

    /** Writes to {@code store} on a writer thread of its own. */
    public static Persistence durable(StateStore store, Clock clock) {
        return new Persistence(store, new StoreWriter(store), new StoredForms(clock, System::currentTimeMillis));
    }

    /** Start-up: what the store holds (nothing without a durable store). */
    public RecoveredState recover() {
        return store == null ? RecoveredState.empty() : store.recover();
    }

    /**
     * Start-up: the head of a session's queue ({@link StoreJournal#QUEUE_WINDOW} entries) into memory; the
     * rest stays in the store, only counted (read page by page, one page in memory at a time), and is read
     * back through the session's journal as the queue drains.
     */
    public void restoreQueue(String clientId, Session session) {
        if (store == null) {
            return;
        }
        List<QueuedMessage> head = store.readQueue(clientId, 0, StoreJournal.QUEUE_WINDOW);
        head.forEach(q -> session.restoreQueued(q.sequence(), forms.delivery(q.delivery())));
        if (head.size() < StoreJournal.QUEUE_WINDOW) {
            return;
        }
        long after = head.get(head.size() - 1).sequence();
        long count = 0;
        long bytes = 0;
        for (List<QueuedMessage> page = store.readQueue(clientId, after, QUEUE_PAGE); !page.isEmpty();
                page = store.readQueue(clientId, after, QUEUE_PAGE)) {
            for (QueuedMessage queued : page) {
                count++;
                bytes += queued.delivery().message().payload().length + queued.delivery().message().topic().length();
            }
            after = page.get(page.size() - 1).sequence();
        }
        if (count > 0) {
            session.restoreSpilledQueue(count, bytes, after);
        }
    }

    public boolean isDurable() {
        return writer != null;
    }

    /** The store writer's counters; empty without a durable store. */
    public Optional<StoreStats> stats() {
        return writer == null ? Optional.empty() : Optional.of(writer.stats());
    }

    public StoredForms forms() {
        return forms;
    }

    /** A journal for a persistent session, or null without a durable store. */
    public StoreJournal journal(String clientId) {
        return writer == null ? null : new StoreJournal(clientId, writer, store, forms);
    }

    public void sessionSaved(String clientId, long expiryIntervalSeconds) {
        submit(new SessionSaved(clientId, expiryIntervalSeconds));
    }

    public void sessionDisconnected(String clientId) {
        submit(new SessionDisconnected(clientId, forms.epochMillis()));
    }

    public void sessionDeleted(String clientId) {
        submit(new SessionDeleted(clientId));
    }

    /** A retained message was set (or cleared, by an empty payload); {@code ticket} may be null. */
    public void retainedChanged(Message message, DurabilityTicket ticket) {
        if (writer == null || message.topic().startsWith("$SYS")) {
            return;
        }
        writer.submit(message.hasEmptyPayload() ? new RetainedDeleted(message.topic())
                : new RetainedSaved(forms.stored(message)), ticket);
    }

    private void submit(io.culex.domain.persistence.StoreOperation operation) {
        if (writer != null) {
            writer.submit(operation, null);
        }
    }

    /** Writes what is queued and stops the writer. */
    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
