package io.culex.bootstrap.config;

/** Mosquitto's persistent_client_expiration format: an integer followed by h, d, w, m or y. */
final class ExpirationPeriod {

    private static final long HOUR = 3_600;
    private static final long DAY = 24 * HOUR;
    static final String EXPECTED = "a period such as 2h, 14d, 1w, 6m or 1y (hours, days, weeks, months, years)";

    private ExpirationPeriod() {
    }

    /** @return seconds, or -1 if {@code text} is not such a period */
    static long parseSeconds(String text) {
        if (text.length() < 2 || !text.substring(0, text.length() - 1).chars().allMatch(Character::isDigit)
                || text.length() > 12) {
            return -1;
        }
        long count = Long.parseLong(text.substring(0, text.length() - 1));
        switch (text.charAt(text.length() - 1)) {
            case 'h':
                return count * HOUR;
            case 'd':
                return count * DAY;
            case 'w':
                return count * 7 * DAY;
            case 'm':
                return count * 30 * DAY;
            case 'y':
                return count * 365 * DAY;
            default:
                return -1;
        }
    }
}
