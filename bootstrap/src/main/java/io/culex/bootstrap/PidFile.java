package io.culex.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code pid_file}: the process id and a newline, written once the broker runs and deleted at an
 * orderly stop, so a service manager or an ops script can find and signal the broker, as with Mosquitto.
 */
final class PidFile implements AutoCloseable {

    private static final PidFile NONE = new PidFile(null);

    private final Path path;

    private PidFile(Path path) {
        this.path = path;
    }

    /**
     * Writes {@code pid} to {@code path}, replacing an old file (left by a killed broker, say);
     * a null path means no pid file. The exception's message names the path, for the operator.
     */
    static PidFile write(String path, long pid) throws IOException {
        if (path == null) {
            return NONE;
        }
        Path file = Path.of(path);
        try {
            Files.writeString(file, pid + "\n", StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            // RuntimeException: an invalid path string; NIO's messages alone often name nothing but the path.
            throw new IOException("Unable to write pid file " + path + ": " + describe(e), e);
        }
        return new PidFile(file);
    }

    /** Deletes the file; a failure is not worth failing the stop for, so it is only logged. */
    @Override
    public void close() {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            System.getLogger("io.culex").log(System.Logger.Level.WARNING,
                    "Warning: unable to remove pid file " + path + ": " + describe(e));
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
}
