package io.culex.domain.topic;

import java.util.Objects;

/**
 * A shared subscription filter, {@code $share/<group>/<filter>} (MQTT 5, 4.8.2): every message
 * matching {@code filter} goes to one member of {@code group}, not to all of them.
 */
public record SharedFilter(String group, String filter) {

    private static final String PREFIX = "$share/";

    public SharedFilter {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(filter, "filter");
    }

    public static boolean isShared(String filter) {
        return filter.startsWith(PREFIX);
    }

    /**
     * Parses a {@code $share/...} filter.
     *
     * @throws InvalidTopicException if the share name is empty or holds '/', '+' or '#', or the
     *                               filter after it is missing or invalid
     */
    public static SharedFilter parse(String sharedFilter) {
        if (!isShared(sharedFilter)) {
            throw new InvalidTopicException("not a shared subscription: " + sharedFilter);
        }
        int groupEnd = sharedFilter.indexOf('/', PREFIX.length());
        if (groupEnd < 0) {
            throw new InvalidTopicException("shared subscription without a topic filter after the share name");
        }
        String group = sharedFilter.substring(PREFIX.length(), groupEnd);
        if (group.isEmpty() || group.indexOf('+') >= 0 || group.indexOf('#') >= 0) {
            throw new InvalidTopicException("share name must be non-empty without '+' or '#': '" + group + "'");
        }
        String filter = sharedFilter.substring(groupEnd + 1);
        Topics.validateTopicFilter(filter);
        return new SharedFilter(group, filter);
    }

    /** The text a client subscribes with, which identifies the subscription in its session. */
    public String text() {
        return PREFIX + group + "/" + filter;
    }
}
