package io.culex.application.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.culex.domain.message.QoS;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicMapperTest {

    private static BridgeTopic topic(String pattern, BridgeDirection direction, String localPrefix, String remotePrefix) {
        return new BridgeTopic(pattern, direction, QoS.AT_LEAST_ONCE, localPrefix, remotePrefix);
    }

    @Test
    void outTopicsSwapTheLocalPrefixForTheRemoteOne() {
        TopicMapper mapper = new TopicMapper(List.of(topic("sensors/#", BridgeDirection.OUT, "site/", "hq/site1/")));

        assertEquals("hq/site1/sensors/t1", mapper.toRemote("site/sensors/t1"));
        assertNull(mapper.toRemote("other/sensors/t1"));
        assertNull(mapper.toLocal("hq/site1/sensors/t1"), "an out line carries nothing in");
    }

    @Test
    void inTopicsSwapTheRemotePrefixForTheLocalOne() {
        TopicMapper mapper = new TopicMapper(List.of(topic("cmd/+", BridgeDirection.IN, "local/", "remote/")));

        assertEquals("local/cmd/reboot", mapper.toLocal("remote/cmd/reboot"));
        assertNull(mapper.toLocal("remote/cmd/a/b"));
        assertNull(mapper.toRemote("local/cmd/reboot"));
    }

    @Test
    void bothCarriesEachWayWithoutPrefixes() {
        TopicMapper mapper = new TopicMapper(List.of(topic("#", BridgeDirection.BOTH, "", "")));

        assertEquals("a/b", mapper.toRemote("a/b"));
        assertEquals("a/b", mapper.toLocal("a/b"));
    }

    @Test
    void emptyPatternMapsOnePrefixOntoTheOther() {
        // topic "" out 1 local/status remote/status: the prefixes alone name the topic
        TopicMapper mapper = new TopicMapper(List.of(topic("", BridgeDirection.BOTH, "local/status", "remote/status")));

        assertEquals("remote/status", mapper.toRemote("local/status"));
        assertEquals("local/status", mapper.toLocal("remote/status"));
        assertNull(mapper.toRemote("local/status/x"));
    }

    @Test
    void aTopicThatMatchesWithoutItsPrefixIsNotCarried() {
        TopicMapper mapper = new TopicMapper(List.of(topic("#", BridgeDirection.OUT, "a/", "b/")));

        assertNull(mapper.toRemote("a"), "a/# matches a, which has no a/ to strip");
    }

    @Test
    void theFirstMatchingLineWins() {
        TopicMapper mapper = new TopicMapper(List.of(topic("x/#", BridgeDirection.OUT, "", "first/"),
                topic("#", BridgeDirection.OUT, "", "second/")));

        assertEquals("first/x/1", mapper.toRemote("x/1"));
        assertEquals("second/y", mapper.toRemote("y"));
    }
}
