package io.culex.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Parses configuration written inline in a test, as the file "test.conf". */
final class ConfigTexts {

    static final String SOURCE = "test.conf";

    private ConfigTexts() {
    }

    static BrokerConfig parse(String... lines) throws ConfigException {
        return ConfigParser.parse(String.join("\n", lines), SOURCE);
    }

    /** The message a user would see for a configuration the broker refuses. */
    static String errorOf(String... lines) {
        return assertThrows(ConfigException.class, () -> parse(lines)).getMessage();
    }
}
