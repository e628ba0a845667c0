package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.client.ReceivedMessage;
import io.culex.adapters.netty.codec.MqttProperties;
import io.culex.adapters.netty.codec.UserProperty;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * mosquitto_sub's %j and %J: the message as one JSON object, printed as cJSON prints it (compact,
 * or with tabs for --pretty). Properties appear in the order the Culex broker encodes them
 * (by identifier). Works on bytes (held one per char, ISO-8859-1) so payload bytes pass unchanged.
 */
final class JsonMessage {

    private JsonMessage() {
    }

    /** @return the JSON text as bytes in a Latin-1 string, or {@code null} for %J when the payload is not JSON */
    static String render(ReceivedMessage message, ZonedDateTime time, boolean escaped, boolean pretty) {
        List<Map.Entry<String, Object>> root = new ArrayList<>();
        root.add(Map.entry("tst", Strftime.format('F', time) + "T" + Strftime.format('T', time) + "."
                + String.format("%06d", time.getNano() / 1000) + "Z" + Strftime.format('z', time)));
        root.add(Map.entry("topic", bytes(message.topic().getBytes(StandardCharsets.UTF_8))));
        root.add(Map.entry("qos", (double) message.qos()));
        root.add(Map.entry("retain", message.retain() ? 1.0 : 0.0));
        root.add(Map.entry("payloadlen", (double) message.payload().length));
        if (message.qos() > 0) {
            root.add(Map.entry("mid", (double) message.packetId()));
        }
        if (!message.properties().isEmpty()) {
            root.add(Map.entry("properties", properties(message.properties())));
        }
        Object payload;
        if (message.payload().length == 0) {
            payload = Json.NULL;
        } else if (escaped) {
            payload = bytes(cString(message.payload()));
        } else {
            payload = new Json(bytes(cString(message.payload()))).parseDocument();
            if (payload == null) {
                return null;
            }
        }
        root.add(Map.entry("payload", payload));
        StringBuilder out = new StringBuilder();
        print(root, pretty, 0, out);
        return out.toString();
    }

    private static List<Map.Entry<String, Object>> properties(MqttProperties properties) {
        List<Map.Entry<String, Object>> json = new ArrayList<>();
        if (properties.payloadFormatIndicator() != null) {
            json.add(Map.entry("payload-format-indicator", (double) properties.payloadFormatIndicator()));
        }
        if (properties.messageExpiryInterval() != null) {
            json.add(Map.entry("message-expiry-interval", (double) properties.messageExpiryInterval()));
        }
        if (properties.contentType() != null) {
            json.add(Map.entry("content-type", utf8(properties.contentType())));
        }
        if (properties.responseTopic() != null) {
            json.add(Map.entry("response-topic", utf8(properties.responseTopic())));
        }
        if (properties.correlationData() != null) {
            json.add(Map.entry("correlation-data", bytes(cString(properties.correlationData()))));
        }
        for (int identifier : properties.subscriptionIdentifiers()) {
            json.add(Map.entry("subscription-identifier", (double) identifier));
        }
        if (properties.topicAlias() != null) {
            // mosquitto_sub 2.0 reads the alias under the wrong identifier, so it always prints 0.
            json.add(Map.entry("topic-alias", 0.0));
        }
        if (!properties.userProperties().isEmpty()) {
            List<Map.Entry<String, Object>> user = new ArrayList<>();
            for (UserProperty property : properties.userProperties()) {
                user.add(Map.entry(utf8(property.name()), utf8(property.value())));
            }
            json.add(Map.entry("user-properties", user));
        }
        return json;
    }

    private static String utf8(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String bytes(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** cJSON takes C strings: everything from the first NUL byte on is lost. */
    private static byte[] cString(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return java.util.Arrays.copyOf(bytes, i);
            }
        }
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static void print(Object value, boolean pretty, int depth, StringBuilder out) {
        if (value == Json.NULL) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double d) {
            out.append(number(d));
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Json.Array array) {
            out.append('[');
            for (int i = 0; i < array.items().size(); i++) {
                if (i > 0) {
                    out.append(pretty ? ", " : ",");
                }
                print(array.items().get(i), pretty, depth + 1, out);
            }
            out.append(']');
        } else {
            List<Map.Entry<String, Object>> members = (List<Map.Entry<String, Object>>) value;
            out.append('{');
            if (pretty) {
                out.append('\n');
            }
            for (int i = 0; i < members.size(); i++) {
                if (pretty) {
                    out.append("\t".repeat(depth + 1));
                }
                string(members.get(i).getKey(), out);
                out.append(':');
                if (pretty) {
                    out.append('\t');
                }
                print(members.get(i).getValue(), pretty, depth + 1, out);
                if (i < members.size() - 1) {
                    out.append(',');
                }
                if (pretty) {
                    out.append('\n');
                }
            }
            if (pretty) {
                out.append("\t".repeat(depth));
            }
            out.append('}');
        }
    }

    /** cJSON's print_string: short escapes, \\u00XX for other control characters, other bytes as they are. */
    private static void string(String bytes, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 32) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    /** cJSON's print_number: integers as integers, else C's %1.15g (or %1.17g when 15 digits lose precision). */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
            return Long.toString((long) d);
        }
        String text = cG(d, 15);
        return Double.parseDouble(text) == d ? text : cG(d, 17);
    }

    /** C's %1.{precision}g. */
    private static String cG(double d, int precision) {
        if (d == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(precision));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+")
                    + String.format("%02d", Math.abs(exponent));
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** A small JSON parser (cJSON's grammar: one value, surrounding whitespace allowed). */
    private static final class Json {
        static final Object NULL = new Object();

        record Array(List<Object> items) {
        }

        private final String text;
        private int pos;

        Json(String text) {
            this.text = text;
        }

        /** @return the value, or {@code null} if the text is not exactly one JSON value */
        Object parseDocument() {
            try {
                Object value = value();
                skipSpace();
                return pos == text.length() ? value : null;
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                return null;
            }
        }

        private void skipSpace() {
            while (pos < text.length() && text.charAt(pos) <= 32) {
                pos++;
            }
        }

        private Object value() {
            skipSpace();
            char c = text.charAt(pos);
            if (text.startsWith("null", pos)) {
                pos += 4;
                return NULL;
            } else if (text.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            } else if (text.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            } else if (c == '"') {
                return string();
            } else if (c == '[') {
                pos++;
                List<Object> items = new ArrayList<>();
                skipSpace();
                if (text.charAt(pos) == ']') {
                    pos++;
                    return new Array(items);
                }
                do {
                    items.add(value());
                    skipSpace();
                } while (text.charAt(pos++) == ',');
                if (text.charAt(pos - 1) != ']') {
                    throw new IllegalArgumentException("array");
                }
                return new Array(items);
            } else if (c == '{') {
                pos++;
                List<Map.Entry<String, Object>> members = new ArrayList<>();
                skipSpace();
                if (text.charAt(pos) == '}') {
                    pos++;
                    return members;
                }
                do {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    if (text.charAt(pos++) != ':') {
                        throw new IllegalArgumentException("object");
                    }
                    members.add(Map.entry(key, value()));
                    skipSpace();
                } while (text.charAt(pos++) == ',');
                if (text.charAt(pos - 1) != '}') {
                    throw new IllegalArgumentException("object");
                }
                return members;
            } else if (c == '-' || c >= '0' && c <= '9') {
                int start = pos;
                while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                    pos++;
                }
                return Double.parseDouble(text.substring(start, pos));
            }
            throw new IllegalArgumentException("value");
        }

        /** A string as UTF-8 bytes, one per char; \\u escapes become UTF-8. */
        private String string() {
            if (text.charAt(pos++) != '"') {
                throw new IllegalArgumentException("string");
            }
            StringBuilder bytes = new StringBuilder();
            while (true) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return bytes.toString();
                } else if (c != '\\') {
                    bytes.append(c);
                    continue;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'b':
                        bytes.append('\b');
                        break;
                    case 'f':
                        bytes.append('\f');
                        break;
                    case 'n':
                        bytes.append('\n');
                        break;
                    case 'r':
                        bytes.append('\r');
                        break;
                    case 't':
                        bytes.append('\t');
                        break;
                    case 'u':
                        int code = Integer.parseInt(text.substring(pos, pos + 4), 16);
                        pos += 4;
                        if (Character.isHighSurrogate((char) code) && text.startsWith("\\u", pos)) {
                            int low = Integer.parseInt(text.substring(pos + 2, pos + 6), 16);
                            pos += 6;
                            code = Character.toCodePoint((char) code, (char) low);
                        }
                        bytes.append(bytes(new String(Character.toChars(code)).getBytes(StandardCharsets.UTF_8)));
                        break;
                    default:
                        bytes.append(e);
                }
            }
        }
    }
}
