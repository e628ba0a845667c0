package io.culex.application.spi;

/**
 * Service provider interface for storage backends. Built-in backends and third-party
 * jars register an implementation in
 * {@code META-INF/services/io.culex.application.spi.StorageProvider}; the
 * configuration picks one by {@link #name()}.
 */
public interface StorageProvider {

    /** The name used in the configuration, e.g. {@code memory}. */
    String name();

    Storage open(StorageSettings settings);
}
