package io.culex.application.spi;

import io.culex.domain.port.RetainedStore;
import io.culex.domain.port.StateStore;

/** An opened storage backend: the ports it implements. */
public interface Storage extends AutoCloseable {

    /** The retained messages as the broker reads them (in memory for every built-in backend). */
    RetainedStore retained();

    /** Sessions, queues, flights and retained messages as they must survive a restart. */
    StateStore state();

    /**
     * Whether {@link #state()} outlives the process. Only then does the broker journal to it and wait for
     * it before acknowledging QoS 1/2 messages.
     */
    boolean durable();

    @Override
    void close();
}
