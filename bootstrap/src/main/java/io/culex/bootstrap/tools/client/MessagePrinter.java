package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.client.ReceivedMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Prints received messages as mosquitto_sub 2.0 does: the raw payload, or "topic payload" with -v
 * (a zero-length payload prints nothing, or "topic (null)" with -v), or a -F format; each followed
 * by a newline unless -N. Payloads are written as bytes, never re-encoded. --random-filter drops
 * a share of the messages before printing.
 */
final class MessagePrinter {

    /** mosquitto's --random-filter unit: chances out of 10000. */
    static final int ALWAYS = 10_000;

    private final boolean verbose;
    private final boolean endOfLine;
    private final String format;
    private final boolean pretty;
    private final int randomFilter;

    MessagePrinter(boolean verbose, boolean endOfLine, String format) {
        this(verbose, endOfLine, format, false, ALWAYS);
    }

    MessagePrinter(boolean verbose, boolean endOfLine, String format, boolean pretty, int randomFilter) {
        this.verbose = verbose;
        this.endOfLine = endOfLine;
        this.format = format;
        this.pretty = pretty;
        this.randomFilter = randomFilter;
    }

    static MessagePrinter of(ClientConfig config) {
        return new MessagePrinter(config.verbose, config.endOfLine, config.format, config.pretty, config.randomFilter);
    }

    void print(ReceivedMessage message, PrintStream out, PrintStream err) {
        if (randomFilter < ALWAYS && ThreadLocalRandom.current().nextInt(ALWAYS) >= randomFilter) {
            return;
        }
        StringBuilder problems = new StringBuilder();
        byte[] text = render(message, problems);
        if (problems.length() > 0) {
            err.print(problems);
            err.flush();
        }
        synchronized (out) {
            out.write(text, 0, text.length);
            out.flush();
        }
    }

    byte[] render(ReceivedMessage message) {
        return render(message, new StringBuilder());
    }

    private byte[] render(ReceivedMessage message, StringBuilder problems) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        if (format != null) {
            FormatString.render(format, message, pretty, text, problems);
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
