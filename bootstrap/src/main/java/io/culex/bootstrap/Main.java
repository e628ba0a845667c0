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

    /** Netty's own flight-recorder events (buffer allocation); -Dio.netty.jfr.enabled=true turns them back on. */
    static final String NETTY_JFR = "io.netty.jfr.enabled";

    public static void main(String[] args) {
        // Before any Netty class: registering Netty's JFR events set up the JDK's flight recorder, about 40 % of
        // the CPU before the first CONNACK (measured in docs/performance.md), for events nobody records by default.
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
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
