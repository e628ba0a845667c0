package io.culex.bootstrap;

import io.culex.bootstrap.tools.Tool;
import io.culex.bootstrap.tools.Tools;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code java -jar culex.jar [-c file] [-p port] [-v] [-h]} runs the broker until SIGTERM/SIGINT,
 * then exits 0; {@code java -jar culex.jar <tool> ...} runs one of the {@link Tools} instead.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length > 0) {
            Optional<Tool> tool = Tools.named(args[0]);
            if (tool.isPresent()) {
                return tool.get().run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
            }
        }
        return BrokerRun.run(args);
    }
}
