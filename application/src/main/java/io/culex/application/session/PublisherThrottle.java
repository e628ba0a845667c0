package io.culex.application.session;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Flow control for one publishing connection: when a message it published goes to a session at its high
 * mark ({@link SessionActor#isFull()}), reading from the connection pauses and the session is
 * asked to wake this throttle once it has caught up. Used on the publisher's session thread, except
 * {@link #wake()}.
 *
 * <p>Never deadlocks: a publisher is not paused for its own session (it must read its own
 * acknowledgements to drain it), nor while its own session is behind (it may be the subscriber another
 * paused publisher waits for); and a paused connection still takes one read every
 * {@link #TRICKLE_MILLIS}, so keep-alives are read and nothing can hold it still for good.
 */
public final class PublisherThrottle {

    /** How often a paused publisher's connection still reads a socket buffer: well inside any keep-alive grace. */
    public static final long TRICKLE_MILLIS = 1000;

    private final InboundFlow flow;
    private final SessionActor own;
    private final Runnable resume = this::resume;
    /** The sessions this publisher asked to be woken by since it last resumed. */
    private final Set<SessionActor> waitingFor = Collections.newSetFromMap(new IdentityHashMap<>());

    /** @param own the publisher's own session, whose thread runs this throttle */
    public PublisherThrottle(InboundFlow flow, SessionActor own) {
        this.flow = flow;
        this.own = own;
    }

    /** Publisher's thread: a message was just handed to {@code target}, which is full. */
    public void blockedBy(SessionActor target) {
        if (target == own || own.isOverloaded()) {
            return;
        }
        flow.pauseReading(TRICKLE_MILLIS);
        if (waitingFor.add(target)) {
            target.wakeWhenCaughtUp(this);
        }
    }

    /** Any thread: a session this publisher waited for caught up (or went away). */
    void wake() {
        own.execute(resume);
    }

    /** Publisher's thread: read again now (its own session fell behind and needs its acknowledgements). */
    public void resume() {
        waitingFor.clear();
        flow.resumeReading();
    }
}
