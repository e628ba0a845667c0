package io.culex.domain.security;

import java.util.Objects;

/**
 * One {@code topic} or {@code pattern} line: an access and a topic filter. A pattern's filter may hold
 * {@code %c} (client id) and {@code %u} (username), replaced per client before matching.
 *
 * @param line the line number in the ACL file (from 1), or 0 when built in code
 */
public record AclRule(AclAccess access, String topic, int line) {

    public AclRule {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(topic, "topic");
    }

    public AclRule(AclAccess access, String topic) {
        this(access, topic, 0);
    }

    /** Whether a pattern uses {@code %u}: such a pattern never applies to a client without a username. */
    public boolean usesUsername() {
        return topic.contains("%u");
    }

    /** Whether a pattern uses {@code %c} or {@code %u}. */
    public boolean substitutes() {
        return topic.contains("%c") || usesUsername();
    }

    @Override
    public String toString() {
        return access.word() + " " + topic;
    }
}
