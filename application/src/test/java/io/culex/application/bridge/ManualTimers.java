package io.culex.application.bridge;

import java.util.PriorityQueue;

/** Bridge timers on a clock the test moves: tasks run on the test's thread when it advances past them. */
final class ManualTimers implements BridgeTimers {

    private static final long EPOCH_OFFSET = 1_700_000_000_000L;

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long now;
    private long sequence;

    private final class Task implements Comparable<Task>, Scheduled {
        final long due;
        final long order = sequence++;
        final Runnable action;
        boolean cancelled;

        Task(long due, Runnable action) {
            this.due = due;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Task other) {
            return due != other.due ? Long.compare(due, other.due) : Long.compare(order, other.order);
        }
    }

    @Override
    public Scheduled schedule(Runnable task, long delayMillis) {
        Task scheduled = new Task(now + delayMillis, task);
        tasks.add(scheduled);
        return scheduled;
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public long monotonicMillis() {
        return now;
    }

    @Override
    public long epochMillis() {
        return EPOCH_OFFSET + now;
    }

    /** Moves the clock on by {@code millis}, running every task that falls due on the way, in order. */
    void advance(long millis) {
        long target = now + millis;
        while (!tasks.isEmpty() && tasks.peek().due <= target) {
            Task next = tasks.poll();
            now = next.due;
            if (!next.cancelled) {
                next.action.run();
            }
        }
        now = target;
    }
}
