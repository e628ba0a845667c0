package io.culex.domain.security;

import io.culex.domain.port.Authorizer;
import io.culex.domain.topic.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * One client's view of the {@link AclRules}, compiled once (after CONNECT, or after a reload), so each check
 * is a few {@link Topics#matches} calls with no allocation. Evaluation is Mosquitto 2.0's
 * ({@code mosquitto_acl_check_default}):
 * <ol>
 *   <li>the client's own {@code topic} rules (its user section, or the anonymous section when it sent no
 *       username): a matching {@code deny} refuses; otherwise a matching rule granting the access allows;</li>
 *   <li>if the file has any {@code pattern} line and the client id or username contains {@code +} or
 *       {@code #}, access is refused (such a client could widen a pattern);</li>
 *   <li>the {@code pattern} rules with {@code %c}/{@code %u} replaced (a {@code %u} pattern does not apply to a
 *       client without a username): a matching {@code deny} refuses, then a matching grant allows;</li>
 *   <li>otherwise access is refused.</li>
 * </ol>
 * A {@code deny} therefore beats every grant of its own list, but a user's {@code topic} grant is
 * decided before any {@code pattern deny} is looked at, as in Mosquitto.
 *
 * <p>Subscriptions (Culex's reading of "could this filter ever be read"): a filter is refused when no
 * read-granting rule shares a topic with it, or when every shared topic is covered by one {@code deny}
 * consulted at or before that rule. Coverage by several deny rules together is not detected; such a
 * subscription is granted and each message is still checked on delivery.
 */
public final class ClientAcl implements Authorizer.Permissions {

    private final AclRules source;
    private final Stage own;
    /** Null when the patterns refuse this client (dangerous id or username). */
    private final Stage patterns;

    private ClientAcl(AclRules source, Stage own, Stage patterns) {
        this.source = source;
        this.own = own;
        this.patterns = patterns;
    }

    static ClientAcl compile(AclRules rules, String clientId, String username) {
        Stage own = Stage.of(rules.topicRulesFor(username), null, null);
        Stage patterns;
        if (!rules.patterns().isEmpty() && (isDangerous(clientId) || isDangerous(username))) {
            patterns = null;
        } else {
            patterns = Stage.of(rules.patterns(), clientId, username);
        }
        return new ClientAcl(rules, own, patterns);
    }

    /** Whether a client id or username would be refused by pattern rules: it contains '+' or '#'. */
    public static boolean isDangerous(String name) {
        return name != null && (name.indexOf('+') >= 0 || name.indexOf('#') >= 0);
    }

    /**
     * Replaces {@code %c} with the client id and, when there is a username, {@code %u} with it, scanning left
     * to right as Mosquitto does.
     */
    public static String substitute(String pattern, String clientId, String username) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int length = pattern.length();
        for (int i = 0; i < length; i++) {
            char c = pattern.charAt(i);
            if (c == '%' && i < length - 1) {
                char next = pattern.charAt(i + 1);
                if (next == 'c') {
                    out.append(clientId);
                    i++;
                    continue;
                }
                if (next == 'u' && username != null) {
                    out.append(username);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The rules this was compiled from (a reloaded file is a different instance). */
    public AclRules source() {
        return source;
    }

    /** Whether pattern rules refuse this client outright because of a '+' or '#' in its id or username. */
    public boolean refusedByPatterns() {
        return patterns == null;
    }

    @Override
    public boolean canPublish(String topic) {
        return check(topic, false);
    }

    @Override
    public boolean canReceive(String topic) {
        return check(topic, true);
    }

    private boolean check(String topic, boolean read) {
        Verdict verdict = own.decide(topic, read);
        if (verdict != Verdict.NO_MATCH) {
            return verdict == Verdict.ALLOW;
        }
        return patterns != null && patterns.decide(topic, read) == Verdict.ALLOW;
    }

    @Override
    public boolean canSubscribe(String filter) {
        String[] wanted = FilterSets.levels(filter);
        if (own.anyReadableIn(wanted, null)) {
            return true;
        }
        return patterns != null && patterns.anyReadableIn(wanted, own);
    }

    @Override
    public String toString() {
        return "ClientAcl[own=" + own + ", patterns=" + (patterns == null ? "refused" : patterns) + "]";
    }

    private enum Verdict { ALLOW, DENY, NO_MATCH }

    /** One list of rules (a client's topic rules, or the substituted patterns), split by access. */
    private static final class Stage {
        private final String[] deny;
        private final String[] read;
        private final String[] write;

        private Stage(String[] deny, String[] read, String[] write) {
            this.deny = deny;
            this.read = read;
            this.write = write;
        }

        /** With {@code clientId} null the topics are taken as written (topic rules are never substituted). */
        static Stage of(List<AclRule> rules, String clientId, String username) {
            List<String> deny = new ArrayList<>();
            List<String> read = new ArrayList<>();
            List<String> write = new ArrayList<>();
            for (AclRule rule : rules) {
                String topic = rule.topic();
                if (clientId != null) {
                    if (username == null && rule.usesUsername()) {
                        continue; // Mosquitto skips a %u pattern for a client without a username
                    }
                    topic = substitute(topic, clientId, username);
                }
                if (rule.access() == AclAccess.DENY) {
                    deny.add(topic);
                }
                if (rule.access().grantsRead()) {
                    read.add(topic);
                }
                if (rule.access().grantsWrite()) {
                    write.add(topic);
                }
            }
            return new Stage(deny.toArray(String[]::new), read.toArray(String[]::new), write.toArray(String[]::new));
        }

        Verdict decide(String topic, boolean wantRead) {
            if (anyMatches(deny, topic)) {
                return Verdict.DENY;
            }
            return anyMatches(wantRead ? read : write, topic) ? Verdict.ALLOW : Verdict.NO_MATCH;
        }

        private static boolean anyMatches(String[] filters, String topic) {
            for (String filter : filters) {
                if (Topics.matches(filter, topic)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether a read grant of this stage shares topics with {@code wanted} that no single deny of this stage
         * (or of {@code earlier}, consulted first) covers.
         */
        boolean anyReadableIn(String[] wanted, Stage earlier) {
            for (String grant : read) {
                String[] shared = FilterSets.intersect(wanted, FilterSets.levels(grant));
                if (shared != null && !covered(shared) && (earlier == null || !earlier.covered(shared))) {
                    return true;
                }
            }
            return false;
        }

        private boolean covered(String[] topics) {
            for (String denied : deny) {
                if (FilterSets.within(topics, FilterSets.levels(denied))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "deny=" + List.of(deny) + " read=" + List.of(read) + " write=" + List.of(write);
        }
    }
}
