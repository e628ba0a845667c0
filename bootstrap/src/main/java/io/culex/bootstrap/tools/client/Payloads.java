package io.culex.bootstrap.tools.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the payload pub and rr send, from -m, -f, -s or -n; {@link StdinLines} serves -l. */
final class Payloads {

    private Payloads() {
    }

    /** The single payload of a -m, -f, -s or -n command line; prints the error and exits 1 if unreadable. */
    static byte[] single(ClientConfig config, InputStream stdin, PrintStream err) throws ToolExit {
        try {
            switch (config.messageSource) {
                case ARGUMENT:
                    return config.message.getBytes(StandardCharsets.UTF_8);
                case FILE:
                    return Files.readAllBytes(Path.of(config.file));
                case STDIN_WHOLE:
                    return stdin.readAllBytes();
                case NULL_MESSAGE:
                    return new byte[0];
                default:
                    throw new IllegalStateException("no single payload for " + config.messageSource);
            }
        } catch (IOException e) {
            String what = config.messageSource == MessageSource.FILE ? "input file \"" + config.file + "\"" : "stdin";
            err.println("Error loading " + what + ": " + e.getMessage());
            throw new ToolExit(1);
        }
    }
}
