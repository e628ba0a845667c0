package io.culex.bootstrap.config;

import static io.culex.bootstrap.config.ConfigTexts.errorOf;
import static io.culex.bootstrap.config.ConfigTexts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImplementedKeysTest {

    @Test
    void noFileAtAllMeansMosquittoDefaultsInLocalOnlyMode() {
        BrokerConfig defaults = BrokerConfig.defaults();

        assertEquals(List.of(new ListenerConfig(1883, "127.0.0.1")), defaults.listeners());
        assertTrue(defaults.allowAnonymous());
        assertEquals(65_535, defaults.maxKeepalive());
        assertTrue(defaults.allowZeroLengthClientId());
        assertEquals("auto-", defaults.autoIdPrefix());
        assertEquals(20, defaults.maxInflightMessages());
        assertEquals(1000, defaults.maxQueuedMessages());
        assertEquals(Long.MAX_VALUE, defaults.maxQueuedBytes());
        assertFalse(defaults.queueQos0Messages());
        assertEquals(268_435_455, defaults.messageSizeLimit());
        assertTrue(defaults.retainAvailable());
        assertEquals(List.of(), defaults.warnings());
    }

    @Test
    void booleansAcceptOneAndZeroAsMosquittoDoes() throws ConfigException {
        assertTrue(parse("listener 1883", "allow_anonymous 1").allowAnonymous());
        assertFalse(parse("listener 1883", "allow_anonymous 0").allowAnonymous());
        assertTrue(parse("queue_qos0_messages 1").queueQos0Messages());
    }

    @Test
    void anEmptyFileIsTheSameAsNoFile() throws ConfigException {
        assertEquals(BrokerConfig.defaults(), parse(""));
        assertEquals(BrokerConfig.defaults(), parse("# only a comment", "", "   "));
    }

    @Test
    void everyImplementedKeySetsItsValue() throws ConfigException {
        BrokerConfig config = parse(
                "allow_anonymous false",
                "max_keepalive 60",
                "allow_zero_length_clientid false",
                "auto_id_prefix culex-",
                "max_inflight_messages 10",
                "max_queued_messages 50",
                "max_queued_bytes 1048576",
                "queue_qos0_messages true",
                "message_size_limit 1024",
                "retain_available false");

        assertFalse(config.allowAnonymous());
        assertEquals(60, config.maxKeepalive());
        assertFalse(config.allowZeroLengthClientId());
        assertEquals("culex-", config.autoIdPrefix());
        assertEquals(10, config.maxInflightMessages());
        assertEquals(50, config.maxQueuedMessages());
        assertEquals(1_048_576L, config.maxQueuedBytes());
        assertTrue(config.queueQos0Messages());
        assertEquals(1024, config.messageSizeLimit());
        assertFalse(config.retainAvailable());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void zeroMeansUnlimitedAndBecomesTheConcreteLimit() throws ConfigException {
        BrokerConfig config = parse(
                "max_inflight_messages 0",
                "max_queued_messages 0",
                "max_queued_bytes 0",
                "message_size_limit 0");

        assertEquals(65_535, config.maxInflightMessages());
        assertEquals(Integer.MAX_VALUE, config.maxQueuedMessages());
        assertEquals(Long.MAX_VALUE, config.maxQueuedBytes());
        assertEquals(268_435_455, config.messageSizeLimit());
    }

    @Test
    void largestAcceptedValuesAreKeptAsWritten() throws ConfigException {
        BrokerConfig config = parse(
                "max_keepalive 65535",
                "max_inflight_messages 65535",
                "max_queued_messages 2147483647",
                "max_queued_bytes 9223372036854775807",
                "message_size_limit 268435455");

        assertEquals(65_535, config.maxKeepalive());
        assertEquals(65_535, config.maxInflightMessages());
        assertEquals(Integer.MAX_VALUE, config.maxQueuedMessages());
        assertEquals(Long.MAX_VALUE, config.maxQueuedBytes());
        assertEquals(268_435_455, config.messageSizeLimit());
    }

    @Test
    void maxKeepaliveZeroIsAllowedAsSinceMosquitto2013() throws ConfigException {
        assertEquals(0, parse("max_keepalive 0").maxKeepalive());
    }

    @Test
    void aLaterLineOverridesAnEarlierOne() throws ConfigException {
        BrokerConfig config = parse("max_keepalive 60", "allow_anonymous true", "max_keepalive 120",
                "allow_anonymous false");

        assertEquals(120, config.maxKeepalive());
        assertFalse(config.allowAnonymous());
    }

    @Test
    void autoIdPrefixRunsToTheEndOfTheLineLikeMosquittoStrings() throws ConfigException {
        assertEquals("my  prefix-", parse("auto_id_prefix   my  prefix-  ").autoIdPrefix());
    }

    @Test
    void aSecondAutoIdPrefixIsRefusedAsInMosquitto() {
        assertEquals("test.conf:3: auto_id_prefix: duplicate value, already set at test.conf:1",
                errorOf("auto_id_prefix a-", "", "auto_id_prefix b-"));
    }

    @Test
    void clientIdPrefixesIsOnePrefixToTheEndOfTheLineNotAListAsInMosquitto2() throws ConfigException {
        assertEquals("", parse().clientIdPrefix());
        assertEquals("sec-,abc- x", parse("clientid_prefixes   sec-,abc- x  ").clientIdPrefix());
        assertTrue(parse("clientid_prefixes sec-").warnings().isEmpty());
    }

    @Test
    void aSecondClientIdPrefixesIsRefusedAsInMosquitto() {
        assertEquals("test.conf:2: clientid_prefixes: duplicate value, already set at test.conf:1",
                errorOf("clientid_prefixes a-", "clientid_prefixes b-"));
    }

    @Test
    void useUsernameAsClientIdIsGlobalAndAnyTrueLineTurnsItOn() throws ConfigException {
        assertFalse(parse().useUsernameAsClientId());
        assertFalse(parse("listener 1883", "use_username_as_clientid false").useUsernameAsClientId());
        assertTrue(parse("listener 1883", "use_username_as_clientid 1").useUsernameAsClientId());
        BrokerConfig perListener = parse("listener 1883", "use_username_as_clientid true",
                "listener 1884", "use_username_as_clientid false");
        assertTrue(perListener.useUsernameAsClientId());
        assertTrue(perListener.warnings().isEmpty());
        assertTrue(perListener.withListeners(List.of(new ListenerConfig(1, "127.0.0.1"))).useUsernameAsClientId());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            allow_anonymous yes              | allow_anonymous: expected true or false (or 1 or 0), got 'yes'
            allow_anonymous TRUE             | allow_anonymous: expected true or false (or 1 or 0), got 'TRUE'
            allow_anonymous                  | allow_anonymous: expected true or false (or 1 or 0), got nothing
            allow_anonymous true false       | allow_anonymous: expected true or false (or 1 or 0), got 'true false'
            allow_zero_length_clientid no    | allow_zero_length_clientid: expected true or false (or 1 or 0), got 'no'
            retain_available maybe           | retain_available: expected true or false (or 1 or 0), got 'maybe'
            retain_available                 | retain_available: expected true or false (or 1 or 0), got nothing
            max_keepalive 65536              | max_keepalive: expected an integer from 0 to 65535, got '65536'
            max_keepalive -1                 | max_keepalive: expected an integer from 0 to 65535, got '-1'
            max_keepalive sixty              | max_keepalive: expected an integer from 0 to 65535, got 'sixty'
            max_keepalive 60s                | max_keepalive: expected an integer from 0 to 65535, got '60s'
            max_keepalive 0x10               | max_keepalive: expected an integer from 0 to 65535, got '0x10'
            max_keepalive +60                | max_keepalive: expected an integer from 0 to 65535, got '+60'
            max_keepalive 6.5                | max_keepalive: expected an integer from 0 to 65535, got '6.5'
            max_keepalive                    | max_keepalive: expected an integer from 0 to 65535, got nothing
            max_keepalive 60 70              | max_keepalive: expected an integer from 0 to 65535, got '60 70'
            max_inflight_messages 65536      | max_inflight_messages: expected an integer from 0 to 65535, got '65536'
            max_inflight_messages -5         | max_inflight_messages: expected an integer from 0 to 65535, got '-5'
            max_queued_messages 2147483648   | max_queued_messages: expected an integer from 0 to 2147483647, got '2147483648'
            max_queued_messages many         | max_queued_messages: expected an integer from 0 to 2147483647, got 'many'
            max_queued_bytes 9223372036854775808 | max_queued_bytes: expected an integer from 0 to 9223372036854775807, got '9223372036854775808'
            max_queued_bytes 1MB             | max_queued_bytes: expected an integer from 0 to 9223372036854775807, got '1MB'
            max_queued_bytes                 | max_queued_bytes: expected an integer from 0 to 9223372036854775807, got nothing
            message_size_limit 268435456     | message_size_limit: expected an integer from 0 to 268435455, got '268435456'
            message_size_limit 1 2           | message_size_limit: expected an integer from 0 to 268435455, got '1 2'
            auto_id_prefix                   | auto_id_prefix: expected a prefix, got nothing
            clientid_prefixes                | clientid_prefixes: expected a prefix, got nothing
            use_username_as_clientid maybe   | use_username_as_clientid: expected true or false (or 1 or 0), got 'maybe'
            use_username_as_clientid         | use_username_as_clientid: expected true or false (or 1 or 0), got nothing
            """)
    void aBadValueNamesFileLineKeyAndWhatWasExpected(String line, String expected) {
        assertEquals("test.conf:2: " + expected, errorOf("# first line is a comment", line));
    }

    @Test
    void aTrailingCommentIsExplainedBecauseMosquittoTolerated() {
        assertEquals("test.conf:1: allow_anonymous: expected true or false (or 1 or 0), got 'true # for now'"
                        + " (a comment must be on a line of its own)",
                errorOf("allow_anonymous true # for now"));
    }
}
