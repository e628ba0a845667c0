package io.culex.domain.security;

import java.util.ArrayList;
import java.util.List;

/**
 * Topic filters read as sets of topic names, for the SUBSCRIBE check: the intersection of two filters
 * (itself a filter, or empty) and whether one filter's set lies within another's. Both follow the
 * matching rules of {@code Topics.matches}: {@code #} also matches its parent level, and a filter whose
 * first level is a wildcard matches no topic beginning with {@code $}. Inputs are valid filters.
 */
final class FilterSets {

    private static final String MULTI = "#";
    private static final String SINGLE = "+";

    private FilterSets() {
    }

    static String[] levels(String filter) {
        return filter.split("/", -1);
    }

    /** The levels of a filter matching exactly the topics both match, or null when none does. */
    static String[] intersect(String[] a, String[] b) {
        List<String> out = new ArrayList<>(Math.max(a.length, b.length));
        for (int i = 0; ; i++) {
            boolean aEnd = i == a.length;
            boolean bEnd = i == b.length;
            if (!aEnd && a[i].equals(MULTI)) {
                return rest(out, b, i);
            }
            if (!bEnd && b[i].equals(MULTI)) {
                return rest(out, a, i);
            }
            if (aEnd || bEnd) {
                return aEnd && bEnd ? out.toArray(String[]::new) : null;
            }
            String x = a[i];
            String y = b[i];
            if (x.equals(SINGLE)) {
                if (i == 0 && isDollar(y)) {
                    return null;
                }
                out.add(y);
            } else if (y.equals(SINGLE)) {
                if (i == 0 && isDollar(x)) {
                    return null;
                }
                out.add(x);
            } else if (x.equals(y)) {
                out.add(x);
            } else {
                return null;
            }
        }
    }

    /** {@code #} at level {@code i} of one filter meets the other's levels from {@code i} on. */
    private static String[] rest(List<String> out, String[] other, int i) {
        if (i == 0 && isDollar(other[0])) {
            return null;
        }
        for (int j = i; j < other.length; j++) {
            out.add(other[j]);
        }
        return out.toArray(String[]::new);
    }

    /** Whether every topic {@code inner} matches is matched by {@code outer}. */
    static boolean within(String[] inner, String[] outer) {
        for (int i = 0; ; i++) {
            boolean innerEnd = i == inner.length;
            boolean outerEnd = i == outer.length;
            if (!outerEnd && outer[i].equals(MULTI)) {
                return !(i == 0 && isDollar(inner[0]));
            }
            if (innerEnd || outerEnd) {
                return innerEnd && outerEnd;
            }
            String x = inner[i];
            String y = outer[i];
            if (x.equals(MULTI)) {
                // Outer has no '#' here, so it misses topics inner holds, unless it reads "+/#" from here on and
                // the parent topic '#' also matches is no topic at all (the empty name).
                boolean noParent = i == 0 || (i == 1 && inner[0].isEmpty());
                return noParent && y.equals(SINGLE) && outer.length == i + 2 && outer[i + 1].equals(MULTI);
            }
            if (y.equals(SINGLE)) {
                if (i == 0 && isDollar(x)) {
                    return false;
                }
            } else if (x.equals(SINGLE) || !x.equals(y)) {
                return false;
            }
        }
    }

    /** A literal level starting with '$' (wildcard levels never do). */
    private static boolean isDollar(String level) {
        return level.startsWith("$");
    }
}
