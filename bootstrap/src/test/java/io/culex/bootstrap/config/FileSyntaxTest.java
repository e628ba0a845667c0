package io.culex.bootstrap.config;

import static io.culex.bootstrap.config.ConfigTexts.errorOf;
import static io.culex.bootstrap.config.ConfigTexts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FileSyntaxTest {

    @Test
    void commentsBlankLinesAndSurroundingWhitespaceAreIgnored() throws ConfigException {
        BrokerConfig config = parse(
                "# Place your local configuration in /etc/mosquitto/conf.d/",
                "",
                "   # an indented comment",
                "\t#a tab-indented comment",
                "   ",
                "  listener 1883   ",
                "\tallow_anonymous\ttrue\t",
                "max_keepalive     60");

        assertEquals(List.of(new ListenerConfig(1883, null)), config.listeners());
        assertEquals(60, config.maxKeepalive());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void lineNumbersCountCommentsAndBlankLines() {
        assertEquals("test.conf:5: max_keepalive: expected an integer from 0 to 65535, got 'x'",
                errorOf("# comment", "", "listener 1883", "  ", "max_keepalive x"));
    }

    @Test
    void windowsLineEndingsAreAccepted() throws ConfigException {
        BrokerConfig config = ConfigParser.parse("listener 1883\r\nallow_anonymous false\r\n", "win.conf");

        assertEquals(List.of(new ListenerConfig(1883, null)), config.listeners());
        assertFalse(config.allowAnonymous());
    }

    @Test
    void windowsLineEndingsKeepLineNumbers() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigParser.parse("listener 1883\r\n\r\nmax_keepalive x\r\n", "win.conf"));

        assertEquals("win.conf:3: max_keepalive: expected an integer from 0 to 65535, got 'x'", error.getMessage());
    }

    @Test
    void aByteOrderMarkDoesNotSpoilTheFirstKey() throws ConfigException {
        assertEquals(List.of(new ListenerConfig(1883, null)),
                ConfigParser.parse("\uFEFFlistener 1883\n", "bom.conf").listeners());
    }

    @Test
    void aHashInsideAValueIsNotAComment() throws ConfigException {
        assertEquals("id#", parse("auto_id_prefix id#").autoIdPrefix());
    }

    @Test
    void theSourceNameAppearsInErrors() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigParser.parse("bogus 1", "/etc/mosquitto/mosquitto.conf"));

        assertEquals("/etc/mosquitto/mosquitto.conf:1: bogus: unknown configuration key", error.getMessage());
    }
}
