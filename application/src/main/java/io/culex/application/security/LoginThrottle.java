package io.culex.application.security;

import io.culex.domain.port.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts failed logins per remote host and, after {@code freeFailures} in a row, locks the host out for a delay
 * that doubles with each further failure up to {@code maxDelayMillis}. A success clears the host's record; so
 * does a quiet period of {@code forgetAfterMillis} after its last failure. At most {@code maxHosts} records are
 * kept: beyond that the least recently touched is dropped, so the memory a flood of addresses costs is bounded.
 *
 * <p>Thread-safe: the event loops call it concurrently. Each call is O(1) under one short lock; no thread
 * ever waits for a delay to pass. Time comes from the {@link Clock} port.
 */
public final class LoginThrottle {

    /** The defaults: 5 free failures, then 1 s, 2 s, 4 s ... capped at 60 s; forgotten after 10 min; 10 000 hosts. */
    public static final int DEFAULT_FREE_FAILURES = 5;
    public static final long DEFAULT_BASE_DELAY_MILLIS = 1_000;
    public static final long DEFAULT_MAX_DELAY_MILLIS = 60_000;
    public static final long DEFAULT_FORGET_AFTER_MILLIS = 600_000;
    public static final int DEFAULT_MAX_HOSTS = 10_000;

    private static final class Record {
        int failures;
        long lastFailureAt;
        long lockedUntil;
    }

    private final Clock clock;
    private final int freeFailures;
    private final long baseDelayMillis;
    private final long maxDelayMillis;
    private final long forgetAfterMillis;
    private final Map<String, Record> byHost;

    public LoginThrottle(Clock clock) {
        this(clock, DEFAULT_FREE_FAILURES, DEFAULT_BASE_DELAY_MILLIS, DEFAULT_MAX_DELAY_MILLIS,
                DEFAULT_FORGET_AFTER_MILLIS, DEFAULT_MAX_HOSTS);
    }

    public LoginThrottle(Clock clock, int freeFailures, long baseDelayMillis, long maxDelayMillis,
                         long forgetAfterMillis, int maxHosts) {
        if (freeFailures < 0 || baseDelayMillis < 1 || maxDelayMillis < baseDelayMillis || forgetAfterMillis < 1
                || maxHosts < 1) {
            throw new IllegalArgumentException("invalid login throttle settings");
        }
        this.clock = Objects.requireNonNull(clock);
        this.freeFailures = freeFailures;
        this.baseDelayMillis = baseDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
        this.forgetAfterMillis = forgetAfterMillis;
        this.byHost = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
                return size() > maxHosts;
            }
        };
    }

    /** Milliseconds until {@code host} may try again; 0 when it is not locked out. */
    public long lockedForMillis(String host) {
        long now = clock.monotonicMillis();
        synchronized (byHost) {
            Record record = current(host, now);
            return record == null ? 0 : Math.max(0, record.lockedUntil - now);
        }
    }

    /**
     * Records a failed login from {@code host}.
     *
     * @return the lockout this failure starts, in milliseconds; 0 while the host is still within its free failures
     */
    public long failed(String host) {
        long now = clock.monotonicMillis();
        synchronized (byHost) {
            Record record = current(host, now);
            if (record == null) {
                record = new Record();
                byHost.put(host, record);
            }
            record.failures++;
            record.lastFailureAt = now;
            long delay = delayAfter(record.failures);
            record.lockedUntil = now + delay;
            return delay;
        }
    }

    /** A successful login from {@code host} forgets its failures. */
    public void succeeded(String host) {
        synchronized (byHost) {
            byHost.remove(host);
        }
    }

    /** Hosts with a record; for tests and statistics. */
    public int trackedHosts() {
        synchronized (byHost) {
            return byHost.size();
        }
    }

    /** The host's record, or null (after dropping it) when there is none or it has been quiet long enough. */
    private Record current(String host, long now) {
        Record record = byHost.get(host);
        if (record != null && now - record.lastFailureAt >= forgetAfterMillis && now >= record.lockedUntil) {
            byHost.remove(host);
            return null;
        }
        return record;
    }

    private long delayAfter(int failures) {
        int beyond = failures - freeFailures;
        if (beyond <= 0) {
            return 0;
        }
        // Doubling from the base; the shift is bounded so it cannot overflow before the cap applies.
        long delay = baseDelayMillis << Math.min(beyond - 1, 30);
        return delay < 0 || delay > maxDelayMillis ? maxDelayMillis : delay;
    }

    /** The host part of a transport address such as "127.0.0.1:51234", "0:0:0:0:0:0:0:1:51234" or "[::1]:51234". */
    public static String hostOf(String remoteAddress) {
        if (remoteAddress == null) {
            return "unknown";
        }
        String address = remoteAddress.substring(remoteAddress.indexOf('/') + 1);
        int colon = address.lastIndexOf(':');
        if (colon > 0 && colon < address.length() - 1
                && address.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            address = address.substring(0, colon);
        }
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        return address;
    }
}
