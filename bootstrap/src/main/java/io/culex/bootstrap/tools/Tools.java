package io.culex.bootstrap.tools;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The tools {@code culex <name>} runs instead of the broker. */
public final class Tools {

    private static final Map<String, Supplier<Tool>> BY_NAME = Map.of();

    private Tools() {
    }

    public static Optional<Tool> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name)).map(Supplier::get);
    }
}
