package io.culex.application.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds storage providers on the class path through {@link ServiceLoader}. */
public final class StorageProviders {

    private StorageProviders() {
    }

    public static List<StorageProvider> available() {
        List<StorageProvider> providers = new ArrayList<>();
        ServiceLoader.load(StorageProvider.class).forEach(providers::add);
        return providers;
    }

    /** @throws IllegalArgumentException naming the backends that are available */
    public static StorageProvider byName(String name) {
        List<StorageProvider> providers = available();
        for (StorageProvider provider : providers) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        List<String> names = providers.stream().map(StorageProvider::name).sorted().toList();
        throw new IllegalArgumentException("no storage backend named '" + name + "'; available: " + names);
    }
}
