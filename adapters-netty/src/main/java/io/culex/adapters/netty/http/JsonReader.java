package io.culex.adapters.netty.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text (RFC 8259) into {@code Map<String, Object>} for objects, {@code List<Object>} for arrays,
 * {@code String}, {@code Long} or {@code Double}, {@code Boolean} and {@code null}. Enough for request bodies;
 * nesting is limited so a hostile body cannot exhaust the stack.
 */
public final class JsonReader {

    private static final int MAX_DEPTH = 32;

    private final String text;
    private int position;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /** @throws JsonException if {@code text} is not one JSON value (surrounded by blanks only) */
    public static Object parse(String text) {
        JsonReader reader = new JsonReader(text);
        reader.skipBlanks();
        Object value = reader.value();
        reader.skipBlanks();
        if (reader.position != text.length()) {
            throw reader.error("unexpected text after the value");
        }
        return value;
    }

    /** Thrown for text that is not JSON; the message says where. */
    public static final class JsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JsonException(String message) {
            super(message);
        }
    }

    private Object value() {
        if (position >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object() {
        enter();
        position++; // {
        Map<String, Object> members = new LinkedHashMap<>();
        skipBlanks();
        if (peek() == '}') {
            position++;
            depth--;
            return members;
        }
        while (true) {
            skipBlanks();
            if (peek() != '"') {
                throw error("expected a member name in quotes");
            }
            String name = string();
            skipBlanks();
            expect(':');
            skipBlanks();
            if (members.containsKey(name)) {
                throw error("member \"" + name + "\" given twice");
            }
            members.put(name, value());
            skipBlanks();
            if (peek() == ',') {
                position++;
                continue;
            }
            expect('}');
            depth--;
            return members;
        }
    }

    private List<Object> array() {
        enter();
        position++; // [
        List<Object> items = new ArrayList<>();
        skipBlanks();
        if (peek() == ']') {
            position++;
            depth--;
            return items;
        }
        while (true) {
            skipBlanks();
            items.add(value());
            skipBlanks();
            if (peek() == ',') {
                position++;
                continue;
            }
            expect(']');
            depth--;
            return items;
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
    }

    private String string() {
        position++; // opening quote
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case '"':
                case '\\':
                case '/':
                    value.append(escaped);
                    break;
                case 'b':
                    value.append('\b');
                    break;
                case 'f':
                    value.append('\f');
                    break;
                case 'n':
                    value.append('\n');
                    break;
                case 'r':
                    value.append('\r');
                    break;
                case 't':
                    value.append('\t');
                    break;
                case 'u':
                    value.append(unicodeEscape());
                    break;
                default:
                    throw error("invalid escape \\" + escaped);
            }
        }
    }

    private char unicodeEscape() {
        if (position + 4 > text.length()) {
            throw error("incomplete \\u escape");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
            position += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("invalid \\u escape");
        }
    }

    private Object number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        boolean integral = true;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c >= '0' && c <= '9') {
                position++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                integral = false;
                position++;
            } else {
                break;
            }
        }
        String number = text.substring(start, position);
        try {
            return integral ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw error("invalid number '" + number + "'");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("unexpected text");
        }
        position += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipBlanks() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private JsonException error(String message) {
        return new JsonException(message + " at character " + position);
    }
}
