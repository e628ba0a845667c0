package io.culex.bootstrap.tools;

import io.culex.bootstrap.tools.bench.BenchTool;
import io.culex.bootstrap.tools.client.PubTool;
import io.culex.bootstrap.tools.client.RrTool;
import io.culex.bootstrap.tools.client.SubTool;
import io.culex.bootstrap.tools.passwd.PasswdTool;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The tools {@code culex <name>} runs instead of the broker. */
public final class Tools {

    private static final Map<String, Supplier<Tool>> BY_NAME = Map.of(
            "passwd", () -> new PasswdTool()::run,
            // Adapted by method reference so that the client package does not depend back on this one.
            "pub", () -> new PubTool()::run,
            "sub", () -> new SubTool()::run,
            "rr", () -> new RrTool()::run,
            "bench", () -> new BenchTool()::run);

    private Tools() {
    }

    /** Every tool's name, as {@code culex <name>} runs it. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    public static Optional<Tool> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name)).map(Supplier::get);
    }
}
