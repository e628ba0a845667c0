package io.culex.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps docs/configuration.md true: the same keys as the parser, each with the right status. */
class ConfigurationDocTest {

    private static final Path DOC = Path.of("..", "docs", "configuration.md");
    /** A table row whose first cell is a backticked key: "| `key` | default | status | notes |". */
    private static final Pattern KEY_ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|([^|]*)\\|");
    /** The same row's fourth cell: what SIGHUP does with the key. */
    private static final Pattern SIGHUP_CELL = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|[^|]*\\|[^|]*\\|([^|]*)\\|");
    private static final String IMPLEMENTED = "implemented";
    private static final String NOT_YET = "accepted, not yet supported (warning at start-up): ";
    private static final Set<String> ISSUES = Set.of("storage", "security", "bridges", "MQTT 5", "configuration");
    /** Handled by ConfigParser itself, not by the ConfigKeys table, because it reads files. */
    private static final String INCLUDE_DIR = "include_dir";

    @Test
    void theDocumentListsExactlyTheKeysTheParserKnows() throws IOException {
        Set<String> parserKeys = new TreeSet<>(ConfigKeys.knownKeys());
        parserKeys.add(INCLUDE_DIR);
        ConfigKeys.optionPrefixes().forEach(prefix -> parserKeys.add(prefix + "*"));

        Set<String> docKeys = new TreeSet<>(documentedStatuses().keySet());

        Set<String> missing = new TreeSet<>(parserKeys);
        missing.removeAll(docKeys);
        Set<String> unknown = new TreeSet<>(docKeys);
        unknown.removeAll(parserKeys);
        assertAll(
                () -> assertEquals(Set.of(), missing, "keys the parser accepts but docs/configuration.md does not list"),
                () -> assertEquals(Set.of(), unknown, "keys docs/configuration.md lists but the parser does not accept"));
    }

    @Test
    void eachKeyHasTheStatusItHasInTheParser() throws IOException {
        documentedStatuses().forEach((key, status) -> {
            boolean implemented = key.equals(INCLUDE_DIR) || ConfigKeys.implemented(key);
            if (implemented) {
                assertEquals(IMPLEMENTED, status, key + " is implemented");
            } else {
                assertTrue(status.startsWith(NOT_YET) && ISSUES.contains(status.substring(NOT_YET.length()).replace(" issue", "")),
                        key + " is accepted with a warning: its status must say so and name one of " + ISSUES + ", got: " + status);
            }
        });
    }

    @Test
    void eachKeySaysWhatSighupDoesWithItAsTheReloadDoes() throws IOException {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            Matcher row = SIGHUP_CELL.matcher(line);
            if (row.find()) {
                cells.put(row.group(1), row.group(2).trim());
            }
        }
        assertEquals(documentedStatuses().keySet(), cells.keySet());
        cells.forEach((key, cell) -> {
            boolean implemented = key.equals(INCLUDE_DIR) || ConfigKeys.implemented(key);
            String expected = !implemented ? "—" : ConfigChanges.RESTART_KEYS.contains(key) ? "restart" : "reloaded";
            assertTrue(cell.startsWith(expected), key + ": the SIGHUP cell should start with '" + expected + "', got: " + cell);
        });
    }

    @Test
    void theParserReallyAcceptsEachPrefixedFamily() {
        for (String prefix : ConfigKeys.optionPrefixes()) {
            assertTrue(ConfigKeys.handlerFor(prefix + "anything").isPresent(), prefix);
        }
    }

    /** Key (as in the key column) to status cell, failing on a key listed twice. */
    private static Map<String, String> documentedStatuses() throws IOException {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            Matcher row = KEY_ROW.matcher(line);
            if (row.find()) {
                String previous = statuses.put(row.group(1), row.group(3).trim());
                assertEquals(null, previous, "listed twice in " + DOC + ": " + row.group(1));
            }
        }
        assertTrue(statuses.size() > 50, "expected the key tables in " + DOC + ", found " + statuses.size() + " keys");
        return statuses;
    }
}
