package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.client.ReceivedMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * mosquitto_sub's -F: {@code %t} topic, {@code %p} payload, {@code %q} QoS, {@code %r} retain (0/1),
 * {@code %m} message id, {@code %l} payload length, {@code %%}; backslash escapes {@code \n \t \r
 * \\ \0 \a \e \v}. Unknown conversions print nothing, as in Mosquitto.
 */
final class FormatString {

    private FormatString() {
    }

    static void render(String format, ReceivedMessage message, ByteArrayOutputStream out) {
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if ((c == '%' || c == '\\') && i + 1 < format.length()) {
                char code = format.charAt(++i);
                if (c == '%') {
                    conversion(code, message, out);
                } else {
                    escape(code, out);
                }
            } else {
                text(out, String.valueOf(c));
            }
        }
    }

    private static void conversion(char code, ReceivedMessage message, ByteArrayOutputStream out) {
        switch (code) {
            case 't':
                text(out, message.topic());
                break;
            case 'p':
                out.writeBytes(message.payload());
                break;
            case 'q':
                text(out, Integer.toString(message.qos()));
                break;
            case 'r':
                text(out, message.retain() ? "1" : "0");
                break;
            case 'm':
                text(out, Integer.toString(message.packetId()));
                break;
            case 'l':
                text(out, Integer.toString(message.payload().length));
                break;
            case '%':
                out.write('%');
                break;
            default:
                break;
        }
    }

    private static void escape(char code, ByteArrayOutputStream out) {
        switch (code) {
            case 'n':
                out.write('\n');
                break;
            case 't':
                out.write('\t');
                break;
            case 'r':
                out.write('\r');
                break;
            case '\\':
                out.write('\\');
                break;
            case '0':
                out.write(0);
                break;
            case 'a':
                out.write(7);
                break;
            case 'e':
                out.write(27);
                break;
            case 'v':
                out.write(11);
                break;
            default:
                break;
        }
    }

    private static void text(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
