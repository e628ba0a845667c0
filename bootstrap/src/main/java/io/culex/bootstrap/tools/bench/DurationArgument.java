package io.culex.bootstrap.tools.bench;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the command line: {@code 10s}, {@code 500ms}, {@code 2m}, or a bare number of seconds. */
final class DurationArgument {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    private DurationArgument() {
    }

    static Duration parse(String flag, String text) throws BenchUsageException {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw new BenchUsageException("Invalid duration for " + flag + ": '" + text + "' (examples: 10s, 500ms, 2m).");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        switch (unit) {
            case "ms":
                return Duration.ofMillis(amount);
            case "m":
                return Duration.ofMinutes(amount);
            default:
                return Duration.ofSeconds(amount);
        }
    }

    /** As the usage writes them: whole seconds as "10s", else milliseconds. */
    static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
