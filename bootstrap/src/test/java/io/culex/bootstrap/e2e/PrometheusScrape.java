package io.culex.bootstrap.e2e;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text format 0.0.4, as a scraper reads it: every sample belongs to a family
 * announced by HELP and TYPE lines before it, counters end in {@code _total}, names and labels are well formed,
 * and no series appears twice. Samples are keyed as {@code name{label="value",...}} in the order written.
 */
final class PrometheusScrape {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|untyped|summary|histogram)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(,|$)");

    private final Map<String, Double> samples = new LinkedHashMap<>();
    private final Map<String, String> types = new HashMap<>();

    static PrometheusScrape parse(String text) {
        PrometheusScrape scrape = new PrometheusScrape();
        Map<String, String> help = new HashMap<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                check(help.put(m.group(1), m.group(2)) == null, number, "second HELP for " + m.group(1));
            } else if ((m = TYPE.matcher(line)).matches()) {
                check(help.containsKey(m.group(1)), number, "TYPE before HELP for " + m.group(1));
                check(scrape.types.put(m.group(1), m.group(2)) == null, number, "second TYPE for " + m.group(1));
                check(!m.group(2).equals("counter") || m.group(1).endsWith("_total"), number,
                        "counter not named _total: " + m.group(1));
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                check(scrape.types.containsKey(name), number, "sample of an undeclared family: " + name);
                String key = name + (m.group(3) == null ? "" : "{" + labels(m.group(3), number) + "}");
                check(scrape.samples.put(key, value(m.group(4), number)) == null, number, "series twice: " + key);
            } else {
                throw new AssertionError("line " + number + " is not Prometheus text: " + line);
            }
        }
        return scrape;
    }

    private static String labels(String text, int number) {
        Matcher label = LABEL.matcher(text);
        StringBuilder normalised = new StringBuilder();
        int end = 0;
        while (label.find() && label.start() == end) {
            normalised.append(normalised.length() == 0 ? "" : ",").append(label.group(1)).append("=\"")
                    .append(label.group(2)).append('"');
            end = label.end();
        }
        check(end == text.length(), number, "malformed labels: " + text);
        return normalised.toString();
    }

    private static double value(String text, int number) {
        try {
            return text.equals("+Inf") ? Double.POSITIVE_INFINITY : text.equals("-Inf") ? Double.NEGATIVE_INFINITY
                    : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new AssertionError("line " + number + ": not a number: " + text);
        }
    }

    private static void check(boolean condition, int number, String message) {
        if (!condition) {
            throw new AssertionError("line " + number + ": " + message);
        }
    }

    /** The value of one series, such as {@code culex_publish_dropped_total{reason="queue_full"}}. */
    double value(String series) {
        Double value = samples.get(series);
        if (value == null) {
            throw new AssertionError("no series " + series + " in " + samples.keySet());
        }
        return value;
    }

    String type(String family) {
        return types.get(family);
    }

    Map<String, Double> samples() {
        return samples;
    }
}
