package io.culex.bootstrap.logging;

import io.culex.bootstrap.config.LoggingConfig.LogType;
import java.io.PrintStream;
import java.util.function.Supplier;

/** log_dest stdout / stderr. The stream is looked up per line so System.setOut/setErr are honoured. */
final class ConsoleSink implements LogSink {

    private final Supplier<PrintStream> stream;

    private ConsoleSink(Supplier<PrintStream> stream) {
        this.stream = stream;
    }

    static ConsoleSink stdout() {
        return new ConsoleSink(() -> System.out);
    }

    static ConsoleSink stderr() {
        return new ConsoleSink(() -> System.err);
    }

    @Override
    public void write(LogType type, String line) {
        PrintStream out = stream.get();
        out.println(line);
        out.flush(); // line-buffered like Mosquitto, so a pipe sees each line as it happens
    }
}
