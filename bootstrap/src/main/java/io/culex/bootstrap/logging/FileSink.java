package io.culex.bootstrap.logging;

import io.culex.bootstrap.config.LoggingConfig.LogType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * log_dest file: appends, creating the file if missing (not its directory), flushing every
 * line. {@link #reopen} lets logrotate move the file away and have a new one started.
 */
final class FileSink implements LogSink {

    private final Path path;
    private Writer writer; // guarded by this

    private FileSink(Path path, Writer writer) {
        this.path = path;
        this.writer = writer;
    }

    /** @throws IOException saying "Unable to open log file PATH for writing" and why */
    static FileSink open(Path path) throws IOException {
        return new FileSink(path, openWriter(path));
    }

    @Override
    public synchronized void write(LogType type, String line) {
        try {
            writer.write(line);
            writer.write(System.lineSeparator());
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write log file " + path, e);
        }
    }

    /** Opens the path afresh; if that fails the old file keeps receiving lines. */
    @Override
    public synchronized void reopen() throws IOException {
        Writer fresh = openWriter(path);
        closeQuietly(writer);
        writer = fresh;
    }

    @Override
    public synchronized void close() {
        closeQuietly(writer);
    }

    private static Writer openWriter(Path path) throws IOException {
        try {
            return Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("Unable to open log file " + path + " for writing: " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "its directory does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }

    private static void closeQuietly(Writer writer) {
        try {
            writer.close();
        } catch (IOException ignored) {
            // nothing more to log it to
        }
    }
}
