package io.culex.bootstrap.config;

/**
 * Where and how sessions and retained messages are kept.
 *
 * @param enabled  persistence: false (default, as Mosquitto) keeps everything in memory
 * @param location persistence_location: the directory of the store, default the working directory
 * @param file     persistence_file: the store's file name (each backend derives its files from it), default mosquitto.db
 * @param backend  persistence_backend (Culex's own): the storage engine used when enabled
 */
public record PersistenceConfig(boolean enabled, String location, String file, String backend) {

    public static final String DEFAULT_BACKEND = "file";

    public static PersistenceConfig defaults() {
        return new PersistenceConfig(false, "", "mosquitto.db", DEFAULT_BACKEND);
    }
}
