package io.culex.adapters.netty.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MqttPropertiesTest {

    /** Every property set once, so each getter can be checked against its setter. */
    static MqttProperties everyProperty() {
        return MqttProperties.builder()
                .payloadFormatIndicator(1)
                .messageExpiryInterval(4_294_967_295L)
                .contentType("text/plain")
                .responseTopic("reply/here")
                .correlationData(new byte[] {1, 2})
                .subscriptionIdentifier(7)
                .sessionExpiryInterval(3600L)
                .assignedClientIdentifier("auto-1")
                .serverKeepAlive(30)
                .authenticationMethod("SCRAM-SHA-1")
                .authenticationData(new byte[] {3})
                .requestProblemInformation(0)
                .willDelayInterval(10L)
                .requestResponseInformation(1)
                .responseInformation("resp")
                .serverReference("other:1883")
                .reasonString("because")
                .receiveMaximum(100)
                .topicAliasMaximum(10)
                .topicAlias(0)
                .maximumQos(1)
                .retainAvailable(0)
                .userProperty("a", "1")
                .maximumPacketSize(1024L)
                .wildcardSubscriptionAvailable(1)
                .subscriptionIdentifierAvailable(0)
                .sharedSubscriptionAvailable(1)
                .build();
    }

    @Test
    void gettersReturnWhatWasSet() {
        MqttProperties p = everyProperty();

        assertEquals(1, p.payloadFormatIndicator());
        assertEquals(4_294_967_295L, p.messageExpiryInterval());
        assertEquals("text/plain", p.contentType());
        assertEquals("reply/here", p.responseTopic());
        assertArrayEquals(new byte[] {1, 2}, p.correlationData());
        assertEquals(List.of(7), p.subscriptionIdentifiers());
        assertEquals(3600L, p.sessionExpiryInterval());
        assertEquals("auto-1", p.assignedClientIdentifier());
        assertEquals(30, p.serverKeepAlive());
        assertEquals("SCRAM-SHA-1", p.authenticationMethod());
        assertArrayEquals(new byte[] {3}, p.authenticationData());
        assertEquals(0, p.requestProblemInformation());
        assertEquals(10L, p.willDelayInterval());
        assertEquals(1, p.requestResponseInformation());
        assertEquals("resp", p.responseInformation());
        assertEquals("other:1883", p.serverReference());
        assertEquals("because", p.reasonString());
        assertEquals(100, p.receiveMaximum());
        assertEquals(10, p.topicAliasMaximum());
        assertEquals(0, p.topicAlias());
        assertEquals(1, p.maximumQos());
        assertEquals(0, p.retainAvailable());
        assertEquals(List.of(new UserProperty("a", "1")), p.userProperties());
        assertEquals(1024L, p.maximumPacketSize());
        assertEquals(1, p.wildcardSubscriptionAvailable());
        assertEquals(0, p.subscriptionIdentifierAvailable());
        assertEquals(1, p.sharedSubscriptionAvailable());
        assertFalse(p.isEmpty());
    }

    @Test
    void absentPropertiesAreNullAndAbsentListsEmpty() {
        MqttProperties p = MqttProperties.EMPTY;

        assertTrue(p.isEmpty());
        assertNull(p.payloadFormatIndicator());
        assertNull(p.messageExpiryInterval());
        assertNull(p.correlationData());
        assertNull(p.topicAlias());
        assertEquals(List.of(), p.subscriptionIdentifiers());
        assertEquals(List.of(), p.userProperties());
        assertEquals(MqttProperties.EMPTY, MqttProperties.builder().build());
    }

    @Test
    void settingNullRemovesAProperty() {
        MqttProperties p = MqttProperties.builder().contentType("x").contentType(null).build();

        assertTrue(p.isEmpty());
    }

    @Test
    void equalityIsByValueIncludingBinaryData() {
        assertEquals(everyProperty(), everyProperty());
        assertEquals(everyProperty().hashCode(), everyProperty().hashCode());
        assertNotEquals(everyProperty(), everyProperty().toBuilder().correlationData(new byte[] {1, 3}).build());
        assertNotEquals(everyProperty(), everyProperty().toBuilder().userProperty("a", "1").build());
        assertNotEquals(MqttProperties.builder().sessionExpiryInterval(1L).build(),
                MqttProperties.builder().messageExpiryInterval(1L).build());
    }

    @Test
    void binaryValuesAreCopiedInAndOut() {
        byte[] data = {1, 2};
        MqttProperties p = MqttProperties.builder().correlationData(data).authenticationData(data).build();

        data[0] = 9;
        p.correlationData()[1] = 9;
        p.authenticationData()[1] = 9;

        assertArrayEquals(new byte[] {1, 2}, p.correlationData());
        assertArrayEquals(new byte[] {1, 2}, p.authenticationData());
    }

    @Test
    void userPropertiesKeepOrderAndRepeatedNames() {
        MqttProperties p = MqttProperties.builder().userProperty("k", "1").userProperty("a", "2").userProperty("k", "3").build();

        assertEquals(List.of(new UserProperty("k", "1"), new UserProperty("a", "2"), new UserProperty("k", "3")),
                p.userProperties());
        assertThrows(UnsupportedOperationException.class, () -> p.userProperties().add(new UserProperty("x", "y")));
    }

    @Test
    void listSettersReplaceAndAddersAppend() {
        MqttProperties p = MqttProperties.builder()
                .subscriptionIdentifier(1).subscriptionIdentifiers(List.of(2, 3)).subscriptionIdentifier(4)
                .userProperty("a", "1").userProperties(List.of(new UserProperty("b", "2")))
                .build();

        assertEquals(List.of(2, 3, 4), p.subscriptionIdentifiers());
        assertEquals(List.of(new UserProperty("b", "2")), p.userProperties());
    }

    @Test
    void withoutReasonStringAndUserPropertiesDropsOnlyThose() {
        MqttProperties p = MqttProperties.builder().reasonString("r").userProperty("a", "b").topicAlias(2).build();

        assertEquals(MqttProperties.builder().topicAlias(2).build(), p.withoutReasonStringAndUserProperties());
        MqttProperties without = MqttProperties.builder().topicAlias(2).build();
        assertSame(without, without.withoutReasonStringAndUserProperties());
    }

    @Test
    void toBuilderMakesAnIndependentCopy() {
        MqttProperties original = MqttProperties.builder().userProperty("a", "1").build();

        MqttProperties changed = original.toBuilder().userProperty("b", "2").reasonString("r").build();

        assertEquals(1, original.userProperties().size());
        assertNull(original.reasonString());
        assertEquals(2, changed.userProperties().size());
    }

    @Test
    void toStringNamesPropertiesAndHidesBinaryContent() {
        MqttProperties p = MqttProperties.builder().authenticationData(new byte[] {42, 42, 42})
                .subscriptionIdentifier(5).userProperty("n", "v").sessionExpiryInterval(9L).build();

        assertEquals("MqttProperties[subscriptionIdentifiers=[5], sessionExpiryInterval=9, "
                + "authenticationData=3 bytes, userProperties=[UserProperty[name=n, value=v]]]", p.toString());
        assertEquals("MqttProperties[]", MqttProperties.EMPTY.toString());
    }

    static Stream<Arguments> valuesOutsideTheSpecsRange() {
        return Stream.<Arguments>of(
                setting("payload format indicator 2", b -> b.payloadFormatIndicator(2)),
                setting("message expiry interval 2^32", b -> b.messageExpiryInterval(4_294_967_296L)),
                setting("message expiry interval -1", b -> b.messageExpiryInterval(-1L)),
                setting("subscription identifier 0", b -> b.subscriptionIdentifier(0)),
                setting("subscription identifier 268,435,456", b -> b.subscriptionIdentifier(268_435_456)),
                setting("server keep alive 65536", b -> b.serverKeepAlive(65_536)),
                setting("request problem information 2", b -> b.requestProblemInformation(2)),
                setting("request response information 2", b -> b.requestResponseInformation(2)),
                setting("receive maximum 0", b -> b.receiveMaximum(0)),
                setting("topic alias maximum 65536", b -> b.topicAliasMaximum(65_536)),
                setting("topic alias -1", b -> b.topicAlias(-1)),
                setting("maximum QoS 2", b -> b.maximumQos(2)),
                setting("retain available 2", b -> b.retainAvailable(2)),
                setting("maximum packet size 0", b -> b.maximumPacketSize(0L)),
                setting("wildcard subscription available 2", b -> b.wildcardSubscriptionAvailable(2)),
                setting("subscription identifier available 2", b -> b.subscriptionIdentifierAvailable(2)),
                setting("shared subscription available 2", b -> b.sharedSubscriptionAvailable(2)));
    }

    private static Arguments setting(String description, Consumer<MqttProperties.Builder> setter) {
        return Arguments.of(description, setter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesOutsideTheSpecsRange")
    void builderRefusesValuesTheSpecForbids(String description, Consumer<MqttProperties.Builder> setter) {
        assertThrows(IllegalArgumentException.class, () -> setter.accept(MqttProperties.builder()));
    }

    @Test
    void builderRefusesNullListEntries() {
        assertThrows(NullPointerException.class, () -> MqttProperties.builder().userProperty(null, "v"));
        assertThrows(NullPointerException.class,
                () -> MqttProperties.builder().userProperties(java.util.Arrays.asList((UserProperty) null)));
    }
}
