/**
 * What a persistent session and the retained messages look like on disk, independent of any storage
 * engine: the {@link io.culex.domain.persistence.StoreOperation}s the broker applies in batches to an
 * {@link io.culex.domain.port.StateStore}, and the {@link io.culex.domain.persistence.RecoveredState} it
 * reads back after a restart. Times here are wall-clock epoch milliseconds, because they must mean the same
 * after a restart (the broker's monotonic clock does not).
 */
package io.culex.domain.persistence;
