package io.culex.application.session;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a session's tasks one at a time, in submission order, on the session's
 * current home executor (the event loop of its connection). This is how session
 * state is touched from one thread without locks: other event loops hand work
 * over with {@link #execute}. The home can move (takeover by a connection on
 * another loop); the scheduled flag keeps one drain running at a time across the move.
 */
final class SerialExecutor implements Executor {

    /** Bounds one drain so one busy session cannot starve others sharing its loop. */
    private static final int MAX_TASKS_PER_DRAIN = 1024;

    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable afterDrain;
    private volatile Executor home;

    SerialExecutor(Executor home, Runnable afterDrain) {
        this.home = home;
        this.afterDrain = afterDrain;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        scheduleDrain();
    }

    /** Moves future drains to {@code newHome}; a drain in progress stops after its current task. */
    void rehome(Executor newHome) {
        this.home = newHome;
    }

    private void scheduleDrain() {
        if (scheduled.compareAndSet(false, true)) {
            home.execute(this::drain);
        }
    }

    private static void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // One failing task must not stall the rest of the session's work.
            LOG.log(System.Logger.Level.ERROR, "session task failed", e);
        }
    }

    private void drain() {
        Executor drainingOn = home;
        try {
            for (int run = 0; run < MAX_TASKS_PER_DRAIN && home == drainingOn; run++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                runGuarded(task);
            }
            afterDrain.run();
        } finally {
            scheduled.set(false);
            if (!tasks.isEmpty()) {
                scheduleDrain();
            }
        }
    }
}
