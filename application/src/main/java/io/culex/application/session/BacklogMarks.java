package io.culex.application.session;

import io.culex.domain.session.SessionLimits;

/**
 * When a connected session counts as behind, so that publishers routing to it are paused: its queue
 * (messages waiting for the in-flight window or for the socket) reaches {@code highMessages} or
 * {@code highBytes}; it has caught up again once the queue is down to both low marks. The gap between
 * the marks keeps a session near its limit from pausing and waking publishers for every message.
 */
public record BacklogMarks(int highMessages, long highBytes, int lowMessages, long lowBytes) {

    /**
     * 200 queued messages or 256 KiB, caught up at 100 or 128 KiB. Chosen from fanin 4→1 and fanout 1→100
     * runs against a mark of 1,000 (docs/performance.md): the lower mark gave lower latency and no less
     * throughput; a session's backlog is what its publishers wait behind, and with 100 slow subscribers it
     * is 100 backlogs deep.
     */
    public static final BacklogMarks DEFAULT = new BacklogMarks(200, 256 * 1024, 100, 128 * 1024);

    public BacklogMarks {
        if (lowMessages < 0 || lowMessages >= highMessages || lowBytes < 0 || lowBytes >= highBytes) {
            throw new IllegalArgumentException("low marks must be below the high marks and not negative: " + this);
        }
    }

    /**
     * These marks for a session with {@code limits}: the high marks at most half of max_queued_messages and
     * max_queued_bytes, so that what publishers send before they pause still fits in the queue.
     */
    public BacklogMarks within(SessionLimits limits) {
        int messages = (int) Math.min(highMessages, Math.max(1, limits.maxQueuedMessages() / 2));
        long bytes = Math.min(highBytes, Math.max(1, limits.maxQueuedBytes() / 2));
        if (messages == highMessages && bytes == highBytes) {
            return this;
        }
        return new BacklogMarks(messages, bytes, Math.min(lowMessages, messages / 2), Math.min(lowBytes, bytes / 2));
    }

    boolean exceeded(long messages, long bytes) {
        return messages >= highMessages || bytes >= highBytes;
    }

    boolean drained(long messages, long bytes) {
        return messages <= lowMessages && bytes <= lowBytes;
    }
}
