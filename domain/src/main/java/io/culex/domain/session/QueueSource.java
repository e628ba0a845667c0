package io.culex.domain.session;

import java.util.List;

/**
 * Where a journaled session's queue continues beyond the part it keeps in memory: the store its
 * {@link SessionJournal} writes to. A session whose backlog outgrows its in-memory window keeps only
 * the window and counts the rest; when the window runs dry it reads the next page from here.
 *
 * <p>An implementation must return every entry the journal was told about ({@code enqueued}) and not
 * yet told removed ({@code dequeued}), even one whose write is still on its way to the store: the
 * session has no copy of it any more. Called on the session's thread; it may block for one page.
 */
public interface QueueSource {

    /** A queued delivery read back, with its place in the queue. */
    record Queued(long sequence, Delivery delivery) {
    }

    /** Up to {@code limit} queued deliveries with a sequence above {@code afterSequence}, in sequence order. */
    List<Queued> read(long afterSequence, int limit);
}
