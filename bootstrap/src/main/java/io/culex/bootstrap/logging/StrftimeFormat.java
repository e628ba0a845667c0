package io.culex.bootstrap.logging;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Turns a strftime format (log_timestamp_format) into a {@link DateTimeFormatter}. Names of
 * months and days are English, as strftime's in the C locale Mosquitto runs in.
 */
final class StrftimeFormat {

    static final String SUPPORTED = "%Y %m %d %H %M %S %y %b %a %j %z %Z %s %e %F %T %%";

    private StrftimeFormat() {
    }

    /** @throws IllegalArgumentException naming the first conversion not supported */
    static DateTimeFormatter compile(String strftime) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder();
        for (int i = 0; i < strftime.length(); i++) {
            char c = strftime.charAt(i);
            if (c != '%') {
                builder.appendLiteral(c);
                continue;
            }
            if (i + 1 == strftime.length()) {
                throw new IllegalArgumentException("log_timestamp_format '" + strftime + "' ends with a lone '%'");
            }
            appendConversion(builder, strftime.charAt(++i), strftime);
        }
        return builder.toFormatter(Locale.US);
    }

    private static void appendConversion(DateTimeFormatterBuilder builder, char conversion, String strftime) {
        switch (conversion) {
            case 'Y' -> builder.appendPattern("uuuu");
            case 'm' -> builder.appendPattern("MM");
            case 'd' -> builder.appendPattern("dd");
            case 'H' -> builder.appendPattern("HH");
            case 'M' -> builder.appendPattern("mm");
            case 'S' -> builder.appendPattern("ss");
            case 'y' -> builder.appendPattern("uu");
            case 'b' -> builder.appendPattern("MMM");
            case 'a' -> builder.appendPattern("EEE");
            case 'j' -> builder.appendPattern("DDD");
            case 'z' -> builder.appendPattern("xx");
            case 'Z' -> builder.appendPattern("z");
            case 's' -> builder.appendValue(ChronoField.INSTANT_SECONDS);
            case 'e' -> builder.appendPattern("ppd");
            case 'F' -> builder.appendPattern("uuuu-MM-dd");
            case 'T' -> builder.appendPattern("HH:mm:ss");
            case '%' -> builder.appendLiteral('%');
            default -> throw new IllegalArgumentException("log_timestamp_format '" + strftime
                    + "': unsupported conversion %" + conversion + " (supported: " + SUPPORTED + ")");
        }
    }
}
