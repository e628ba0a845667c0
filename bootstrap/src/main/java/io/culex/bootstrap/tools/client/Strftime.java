package io.culex.bootstrap.tools.client;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * The strftime(3) conversions mosquitto_sub's {@code @X} and {@code %I} use, in the C locale.
 * A conversion not listed prints nothing.
 */
final class Strftime {

    private Strftime() {
    }

    /** %FT%T%z: 2016-08-10T09:47:38+0100. */
    static String iso8601(ZonedDateTime time) {
        return format('F', time) + "T" + format('T', time) + format('z', time);
    }

    static String format(char conversion, ZonedDateTime t) {
        switch (conversion) {
            case 'a':
                return t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT);
            case 'A':
                return t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT);
            case 'b': case 'h':
                return t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT);
            case 'B':
                return t.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT);
            case 'c':
                return format('a', t) + " " + format('b', t) + " " + format('e', t) + " " + format('T', t) + " "
                        + t.getYear();
            case 'C':
                return two(t.getYear() / 100);
            case 'd':
                return two(t.getDayOfMonth());
            case 'D':
                return format('m', t) + "/" + format('d', t) + "/" + format('y', t);
            case 'e':
                return String.format("%2d", t.getDayOfMonth());
            case 'F':
                return t.getYear() + "-" + format('m', t) + "-" + format('d', t);
            case 'G':
                return Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'H':
                return two(t.getHour());
            case 'I':
                return two(hour12(t));
            case 'j':
                return String.format("%03d", t.getDayOfYear());
            case 'k':
                return String.format("%2d", t.getHour());
            case 'l':
                return String.format("%2d", hour12(t));
            case 'm':
                return two(t.getMonthValue());
            case 'M':
                return two(t.getMinute());
            case 'n':
                return "\n";
            case 'p':
                return t.getHour() < 12 ? "AM" : "PM";
            case 'P':
                return t.getHour() < 12 ? "am" : "pm";
            case 'r':
                return format('I', t) + ":" + format('M', t) + ":" + format('S', t) + " " + format('p', t);
            case 'R':
                return format('H', t) + ":" + format('M', t);
            case 's':
                return Long.toString(t.toEpochSecond());
            case 'S':
                return two(t.getSecond());
            case 't':
                return "\t";
            case 'T':
                return format('H', t) + ":" + format('M', t) + ":" + format('S', t);
            case 'u':
                return Integer.toString(t.getDayOfWeek().getValue());
            case 'V':
                return two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'w':
                return Integer.toString(t.getDayOfWeek().getValue() % 7);
            case 'x':
                return format('D', t);
            case 'X':
                return format('T', t);
            case 'y':
                return two(t.getYear() % 100);
            case 'Y':
                return Integer.toString(t.getYear());
            case 'z':
                return t.format(DateTimeFormatter.ofPattern("xx", Locale.ROOT));
            case 'Z':
                return t.getZone().getDisplayName(TextStyle.SHORT, Locale.ROOT);
            case '%':
                return "%";
            default:
                return "";
        }
    }

    private static int hour12(ZonedDateTime t) {
        int hour = t.get(ChronoField.HOUR_OF_AMPM);
        return hour == 0 ? 12 : hour;
    }

    private static String two(int value) {
        return String.format("%02d", value);
    }
}
