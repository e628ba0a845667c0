package io.culex.application.spi;

/**
 * Where a backend keeps its data (mosquitto.conf persistence_location and
 * persistence_file); ignored by the memory backend.
 */
public record StorageSettings(String location, String fileName) {

    public static StorageSettings inMemory() {
        return new StorageSettings(null, null);
    }
}
