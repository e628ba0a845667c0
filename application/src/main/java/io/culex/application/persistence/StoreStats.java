package io.culex.application.persistence;

/**
 * How the store writer is doing, for metrics.
 *
 * @param batches       batches applied (each one fsync)
 * @param operations    operations in them
 * @param applySeconds  time spent applying them, in seconds
 * @param failedBatches batches the store refused (nothing of them was stored)
 * @param queueDepth    operations waiting for the writer now
 */
public record StoreStats(long batches, long operations, double applySeconds, long failedBatches, int queueDepth) {
}
