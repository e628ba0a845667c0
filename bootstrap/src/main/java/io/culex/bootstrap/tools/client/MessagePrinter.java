package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.client.ReceivedMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Prints received messages as mosquitto_sub 2.0 does: the raw payload, or "topic payload" with -v
 * (a zero-length payload prints nothing, or "topic (null)" with -v), or a -F format; each followed
 * by a newline unless -N. Payloads are written as bytes, never re-encoded.
 */
final class MessagePrinter {

    private final boolean verbose;
    private final boolean endOfLine;
    private final String format;

    MessagePrinter(boolean verbose, boolean endOfLine, String format) {
        this.verbose = verbose;
        this.endOfLine = endOfLine;
        this.format = format;
    }

    static MessagePrinter of(ClientConfig config) {
        return new MessagePrinter(config.verbose, config.endOfLine, config.format);
    }

    void print(ReceivedMessage message, PrintStream out) {
        byte[] text = render(message);
        synchronized (out) {
            out.write(text, 0, text.length);
            out.flush();
        }
    }

    byte[] render(ReceivedMessage message) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        if (format != null) {
            FormatString.render(format, message, text);
            newline(text);
        } else if (message.payload().length == 0) {
            if (verbose && endOfLine) {
                write(text, message.topic() + " (null)\n");
            }
        } else {
            if (verbose) {
                write(text, message.topic() + " ");
            }
            text.writeBytes(message.payload());
            newline(text);
        }
        return text.toByteArray();
    }

    private void newline(ByteArrayOutputStream text) {
        if (endOfLine) {
            text.write('\n');
        }
    }

    private static void write(ByteArrayOutputStream text, String string) {
        text.writeBytes(string.getBytes(StandardCharsets.UTF_8));
    }
}
