package io.culex.bootstrap.tools.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The lines of mosquitto_pub -l: each line without its '\n' (bytes kept as they are, so "\r" stays);
 * an empty line is an empty message and a last line without '\n' is still sent.
 */
final class StdinLines {

    private final InputStream in;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    StdinLines(InputStream in) {
        this.in = new BufferedInputStream(in);
    }

    /** The next line, or {@code null} at the end of input. Blocks until a whole line is there. */
    byte[] next() throws IOException {
        current.reset();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return current.toByteArray();
            }
            current.write(b);
        }
        return current.size() > 0 ? current.toByteArray() : null;
    }
}
