package io.culex.bootstrap.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits mosquitto.conf text into {@link ConfigLine}s: blank lines and lines whose first non-blank
 * character is {@code #} are skipped, surrounding whitespace (including a Windows {@code \r}) is ignored.
 * A {@code #} later in a line is not a comment, as in Mosquitto.
 */
final class ConfigLineReader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ConfigLineReader() {
    }

    static List<ConfigLine> read(String text, String source) {
        // Editors on Windows may prepend a BOM, which would otherwise become part of the first key.
        String body = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        String[] rawLines = body.split("\n", -1);
        List<ConfigLine> lines = new ArrayList<>();
        for (int index = 0; index < rawLines.length; index++) {
            String line = rawLines[index].strip();
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int keyEnd = endOfFirstWord(line);
            lines.add(new ConfigLine(source, index + 1, line.substring(0, keyEnd), line.substring(keyEnd).strip()));
        }
        return lines;
    }

    private static int endOfFirstWord(String line) {
        int end = 0;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        return end;
    }
}
