package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.client.ReceivedMessage;
import io.culex.adapters.netty.codec.MqttProperties;
import io.culex.adapters.netty.codec.UserProperty;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * mosquitto_sub 2.0's -F. Conversions: {@code %t} topic, {@code %p} payload, {@code %x}/{@code %X}
 * payload in hex, {@code %q} QoS, {@code %r} retain, {@code %m} message id, {@code %l} payload
 * length, the MQTT 5 properties {@code %A} topic alias, {@code %C} content type, {@code %D}
 * correlation data, {@code %E} message expiry interval, {@code %F} payload format indicator,
 * {@code %P} user properties ("name:value", space separated), {@code %R} response topic,
 * {@code %S} (first) subscription identifier; the times {@code %I} (ISO 8601), {@code %U} (Unix
 * seconds.nanoseconds) and {@code @X} (strftime's %X; {@code @N} nanoseconds, {@code @@} an @);
 * {@code %j}/{@code %J} JSON ({@link JsonMessage}); {@code %%}. Flags {@code -} and {@code 0}, a
 * field width and a precision work as in Mosquitto, quirks included. Backslash escapes
 * {@code \\ \0 \a \e \n \r \t \v}.
 */
final class FormatString {

    private FormatString() {
    }

    /** mosquitto's check_format: the same errors for the same bad format strings. */
    static void check(String format) throws UsageException {
        int len = format.length();
        for (int i = 0; i < len; i++) {
            char c = format.charAt(i);
            if (c == '%') {
                if (i == len - 1) {
                    throw incomplete();
                }
                if (format.charAt(i + 1) == '0' || format.charAt(i + 1) == '-') {
                    i++;
                    if (i == len - 1) {
                        throw incomplete();
                    }
                }
                while (isDigit(format.charAt(i + 1))) {
                    i++;
                    if (i == len - 1) {
                        throw incomplete();
                    }
                }
                if (format.charAt(i + 1) == '.') {
                    i++;
                    if (i == len - 1) {
                        throw incomplete();
                    }
                    while (isDigit(format.charAt(i + 1))) {
                        i++;
                        if (i == len - 1) {
                            throw incomplete();
                        }
                    }
                }
                char code = format.charAt(i + 1);
                if ("%ACDEFIlmPpqRSrtjJUxX".indexOf(code) < 0) {
                    throw new UsageException("Invalid format specifier '" + code + "'.");
                }
                i++;
            } else if (c == '@') {
                if (i == len - 1) {
                    throw incomplete();
                }
                i++;
            } else if (c == '\\') {
                if (i == len - 1) {
                    throw new UsageException("Incomplete escape specifier.");
                }
                char code = format.charAt(i + 1);
                if ("\\0aenrtv".indexOf(code) < 0) {
                    throw new UsageException("Invalid escape specifier '" + code + "'.");
                }
                i++;
            }
        }
    }

    private static UsageException incomplete() {
        return new UsageException("Incomplete format specifier.");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Renders one message; {@code pretty} is --pretty for %j/%J. Invalid %J payloads go to {@code problems}. */
    static void render(String format, ReceivedMessage message, boolean pretty, ByteArrayOutputStream out,
            StringBuilder problems) {
        Clock clock = new Clock();
        int len = format.length();
        for (int i = 0; i < len; i++) {
            char c = format.charAt(i);
            if (c == '%') {
                Spec spec = new Spec();
                if (i < len - 1) {
                    i++;
                    if (format.charAt(i) == '-') {
                        spec.leftAlign = true;
                        if (i < len - 1) {
                            i++;
                        }
                    }
                    if (format.charAt(i) == '0') {
                        spec.pad = '0';
                        if (i < len - 1) {
                            i++;
                        }
                    }
                    while (i < len - 1 && isDigit(format.charAt(i))) {
                        spec.width = spec.width * 10 + format.charAt(i) - '0';
                        i++;
                    }
                    if (format.charAt(i) == '.' && i < len - 1) {
                        i++;
                        spec.precision = 0;
                        while (i < len - 1 && isDigit(format.charAt(i))) {
                            spec.precision = spec.precision * 10 + format.charAt(i) - '0';
                            i++;
                        }
                    }
                    if (i < len) {
                        conversion(format.charAt(i), spec, message, pretty, clock, out, problems);
                    }
                }
            } else if (c == '@') {
                if (i < len - 1) {
                    char code = format.charAt(++i);
                    if (code == '@') {
                        out.write('@');
                    } else if (code == 'N') {
                        text(out, String.format("%09d", clock.now().getNano()));
                    } else {
                        text(out, Strftime.format(code, clock.now()));
                    }
                }
            } else if (c == '\\') {
                if (i < len - 1) {
                    escape(format.charAt(++i), out);
                }
            } else {
                text(out, String.valueOf(c));
            }
        }
    }

    /** The time of a message is read once, when first needed, as mosquitto_sub does. */
    private static final class Clock {
        private ZonedDateTime now;

        ZonedDateTime now() {
            if (now == null) {
                now = ZonedDateTime.now();
            }
            return now;
        }
    }

    /** Flags, width and precision of one % conversion. */
    private static final class Spec {
        boolean leftAlign;
        char pad = ' ';
        int width;
        int precision = -1;
    }

    private static void conversion(char code, Spec spec, ReceivedMessage message, boolean pretty, Clock clock,
            ByteArrayOutputStream out, StringBuilder problems) {
        MqttProperties properties = message.properties();
        switch (code) {
            case '%':
                out.write('%');
                break;
            case 'A':
                optionalInt(properties.topicAlias(), spec, out);
                break;
            case 'C':
                if (properties.contentType() != null) {
                    string(properties.contentType(), spec, out);
                } else {
                    blank(' ', spec.width, out);
                }
                break;
            case 'D':
                byte[] correlation = properties.correlationData();
                if (correlation != null) {
                    out.writeBytes(correlation);
                }
                break;
            case 'E':
                Long expiry = properties.messageExpiryInterval();
                optionalInt(expiry == null ? null : (int) expiry.longValue(), spec, out);
                break;
            case 'F':
                optionalInt(properties.payloadFormatIndicator(), spec, out);
                break;
            case 'I':
                string(Strftime.iso8601(clock.now()), spec, out);
                break;
            case 'j':
                latin1(out, JsonMessage.render(message, clock.now(), true, pretty));
                break;
            case 'J':
                String json = JsonMessage.render(message, clock.now(), false, pretty);
                if (json == null) {
                    problems.append("Error: Message payload is not valid JSON on topic ").append(message.topic())
                            .append(".\n");
                } else {
                    latin1(out, json);
                }
                break;
            case 'l':
                integer(message.payload().length, spec, out);
                break;
            case 'm':
                integer(message.packetId(), spec, out);
                break;
            case 'P':
                userProperties(properties.userProperties(), out);
                break;
            case 'p':
                payload(message.payload(), 0, spec, out);
                break;
            case 'q':
                out.write('0' + message.qos());
                break;
            case 'R':
                if (properties.responseTopic() != null) {
                    string(properties.responseTopic(), spec, out);
                }
                break;
            case 'r':
                out.write(message.retain() ? '1' : '0');
                break;
            case 'S':
                List<Integer> identifiers = properties.subscriptionIdentifiers();
                optionalInt(identifiers.isEmpty() ? null : identifiers.get(0), spec, out);
                break;
            case 't':
                string(message.topic(), spec, out);
                break;
            case 'U':
                ZonedDateTime now = clock.now();
                text(out, now.toEpochSecond() + "." + String.format("%09d", now.getNano()));
                break;
            case 'x':
                payload(message.payload(), 1, spec, out);
                break;
            case 'X':
                payload(message.payload(), 2, spec, out);
                break;
            default:
                break;
        }
    }

    private static void userProperties(List<UserProperty> userProperties, ByteArrayOutputStream out) {
        for (int i = 0; i < userProperties.size(); i++) {
            if (i > 0) {
                out.write(' ');
            }
            text(out, userProperties.get(i).name() + ":" + userProperties.get(i).value());
        }
    }

    private static void optionalInt(Integer value, Spec spec, ByteArrayOutputStream out) {
        if (value == null) {
            blank(spec.pad, spec.width, out);
        } else {
            integer(value, spec, out);
        }
    }

    /** printf's %d, %-Nd, %0Nd, %Nd. */
    private static void integer(int value, Spec spec, ByteArrayOutputStream out) {
        String digits = Integer.toString(value);
        if (spec.width == 0 || digits.length() >= spec.width) {
            text(out, digits);
        } else if (spec.leftAlign) {
            text(out, digits + " ".repeat(spec.width - digits.length()));
        } else if (spec.pad == '0') {
            boolean negative = value < 0;
            String magnitude = negative ? digits.substring(1) : digits;
            text(out, (negative ? "-" : "") + "0".repeat(spec.width - digits.length()) + magnitude);
        } else {
            text(out, " ".repeat(spec.width - digits.length()) + digits);
        }
    }

    /** printf's %s with width and precision; C counts bytes, so UTF-8 bytes are cut and padded. */
    private static void string(String value, Spec spec, ByteArrayOutputStream out) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int length = spec.precision >= 0 ? Math.min(bytes.length, spec.precision) : bytes.length;
        int padding = Math.max(0, spec.width - length);
        if (!spec.leftAlign) {
            blank(' ', padding, out);
        }
        out.write(bytes, 0, length);
        if (spec.leftAlign) {
            blank(' ', padding, out);
        }
    }

    private static void blank(char pad, int width, ByteArrayOutputStream out) {
        for (int i = 0; i < width; i++) {
            out.write(pad);
        }
    }

    /** mosquitto's write_payload, with its handling of widths (hex: half the bytes in the width). */
    private static void payload(byte[] payload, int hex, Spec spec, ByteArrayOutputStream out) {
        int length = payload.length;
        int padding;
        if (spec.width > 0) {
            if (length > spec.width) {
                length = spec.width;
            }
            if (hex > 0) {
                length /= 2;
                padding = spec.width - length * 2;
            } else {
                padding = spec.width - length;
            }
        } else {
            padding = -length;
        }
        if (!spec.leftAlign) {
            blank(spec.pad, padding, out);
        }
        for (int i = 0; i < length; i++) {
            if (hex == 0) {
                out.write(payload[i]);
            } else {
                text(out, String.format(hex == 1 ? "%02x" : "%02X", payload[i] & 0xff));
            }
        }
        if (spec.leftAlign) {
            blank(' ', padding, out);
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

    /** JSON text from {@link JsonMessage}: one byte per char. */
    private static void latin1(ByteArrayOutputStream out, String bytes) {
        out.writeBytes(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void text(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
