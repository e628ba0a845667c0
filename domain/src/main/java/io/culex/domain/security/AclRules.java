package io.culex.domain.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of one ACL file, as Mosquitto 2.0 keeps them: the {@code topic} lines before the first
 * {@code user} line (for clients that sent no username), the {@code topic} lines of each {@code user}
 * section (a section named again adds to the same list), and the {@code pattern} lines, which apply to
 * every client wherever they appear. Immutable; {@link #forClient} compiles one client's view.
 */
public final class AclRules {

    /** No rules at all: like an empty ACL file, it denies everything. */
    public static final AclRules EMPTY = new AclRules(List.of(), Map.of(), List.of());

    private final List<AclRule> anonymous;
    private final Map<String, List<AclRule>> users;
    private final List<AclRule> patterns;

    public AclRules(List<AclRule> anonymous, Map<String, List<AclRule>> users, List<AclRule> patterns) {
        this.anonymous = List.copyOf(anonymous);
        Map<String, List<AclRule>> copy = new LinkedHashMap<>();
        users.forEach((user, rules) -> copy.put(Objects.requireNonNull(user, "user"), List.copyOf(rules)));
        this.users = Collections.unmodifiableMap(copy);
        this.patterns = List.copyOf(patterns);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code topic} rules for clients without a username, in file order. */
    public List<AclRule> anonymous() {
        return anonymous;
    }

    /** The {@code topic} rules of each user section, in file order. */
    public Map<String, List<AclRule>> users() {
        return users;
    }

    /** The {@code pattern} rules, in file order. */
    public List<AclRule> patterns() {
        return patterns;
    }

    /** The {@code topic} rules that apply to a client with {@code username} (null: the anonymous ones). */
    public List<AclRule> topicRulesFor(String username) {
        return username == null ? anonymous : users.getOrDefault(username, List.of());
    }

    public int size() {
        return anonymous.size() + patterns.size() + users.values().stream().mapToInt(List::size).sum();
    }

    /** Compiles the rules for one client: its topic list and the patterns with %c/%u replaced. */
    public ClientAcl forClient(String clientId, String username) {
        return ClientAcl.compile(this, clientId, username);
    }

    @Override
    public String toString() {
        return "AclRules[anonymous=" + anonymous + ", users=" + users + ", patterns=" + patterns + "]";
    }

    /** Collects rules in file order: {@link #user} switches the section later {@link #topic} calls add to. */
    public static final class Builder {
        private final List<AclRule> anonymous = new ArrayList<>();
        private final Map<String, List<AclRule>> users = new LinkedHashMap<>();
        private final List<AclRule> patterns = new ArrayList<>();
        private String user;

        private Builder() {
        }

        public Builder user(String name) {
            user = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder topic(AclRule rule) {
            (user == null ? anonymous : users.computeIfAbsent(user, name -> new ArrayList<>())).add(rule);
            return this;
        }

        public Builder topic(AclAccess access, String topic) {
            return topic(new AclRule(access, topic));
        }

        public Builder pattern(AclRule rule) {
            patterns.add(rule);
            return this;
        }

        public Builder pattern(AclAccess access, String topic) {
            return pattern(new AclRule(access, topic));
        }

        public AclRules build() {
            return new AclRules(anonymous, users, patterns);
        }
    }
}
