package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.culex.bootstrap.e2e.PahoClients.Client;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wildcard matching as the spec's examples define it, and the $-topic rule, over a real socket. */
class PahoTopicTest extends BrokerTestSupport {

    private Client publisher;

    @BeforeEach
    void start() throws Exception {
        startBroker();
        publisher = clients.connect("pub", PahoClients.MQTT_3_1_1, true);
    }

    /** Three levels: matched by none of the filters under test, so it marks the end of a run. */
    private static final String END_MARKER = "zz/end/marker";

    /**
     * Publishes every topic, then an end marker on a topic of its own; one publisher's
     * QoS 1 messages arrive in order, so everything the filter matched came before it.
     */
    private Set<String> topicsReceivedBy(String filter, String... published) throws Exception {
        Client subscriber = clients.connect("sub-" + Integer.toHexString(filter.hashCode()), PahoClients.MQTT_3_1_1, true);
        subscriber.subscribe(filter, 1);
        subscriber.subscribe(END_MARKER, 1);
        for (String topic : published) {
            publisher.publish(topic, topic, 1, false);
        }
        publisher.publish(END_MARKER, "end", 1, false);
        Set<String> topics = new HashSet<>();
        for (PahoClients.Received r = subscriber.next(); !r.topic().equals(END_MARKER); r = subscriber.next()) {
            topics.add(r.topic());
        }
        return topics;
    }

    @Test
    void multiLevelWildcardMatchesTheParentAndAllChildren() throws Exception {
        assertEquals(Set.of("sport", "sport/tennis", "sport/tennis/player1", "sport/"),
                topicsReceivedBy("sport/#", "sport", "sport/tennis", "sport/tennis/player1", "sport/", "sports", "other"));
    }

    @Test
    void singleLevelWildcardMatchesExactlyOneLevelIncludingEmptyOnes() throws Exception {
        assertEquals(Set.of("/finance"), topicsReceivedBy("+/+", "/finance", "finance", "a/b/c"));
        assertEquals(Set.of("/finance"), topicsReceivedBy("/+", "/finance", "finance"));
        assertEquals(Set.of("finance"), topicsReceivedBy("+", "/finance", "finance"));
        assertEquals(Set.of("sport/tennis/player1", "sport/chess/player1"),
                topicsReceivedBy("sport/+/player1", "sport/tennis/player1", "sport/chess/player1", "sport/tennis/player2"));
    }

    @Test
    void dollarTopicsAreNotMatchedByLeadingWildcards() throws Exception {
        Client all = clients.connect("all", PahoClients.MQTT_3_1_1, true);
        all.subscribe("#", 1);
        Client plus = clients.connect("plus", PahoClients.MQTT_3_1_1, true);
        plus.subscribe("+/monitor/Clients", 1);
        Client dollar = clients.connect("dollar", PahoClients.MQTT_3_1_1, true);
        dollar.subscribe("$SYS/#", 1);

        publisher.publish("$SYS/monitor/Clients", "42", 1, false);
        publisher.publish("plain", "1", 1, false);

        assertEquals("$SYS/monitor/Clients", dollar.next().topic());
        assertEquals("plain", all.next().topic());
        assertNull(all.nextOrNull(300));
        assertNull(plus.nextOrNull(100));
    }
}
