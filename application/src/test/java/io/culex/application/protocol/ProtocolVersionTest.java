package io.culex.application.protocol;

import static io.culex.application.protocol.ProtocolVersion.MQTT_3_1;
import static io.culex.application.protocol.ProtocolVersion.MQTT_3_1_1;
import static io.culex.application.protocol.ProtocolVersion.MQTT_5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.QoS;
import io.culex.domain.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one place where MQTT 3.1, 3.1.1 and 5 differ in the broker's behaviour. */
class ProtocolVersionTest {

    @Test
    void theConnectProtocolLevelSelectsTheVersion() {
        assertEquals(MQTT_3_1, ProtocolVersion.ofLevel(3));
        assertEquals(MQTT_3_1_1, ProtocolVersion.ofLevel(4));
        assertEquals(MQTT_5, ProtocolVersion.ofLevel(5));
        assertEquals(5, MQTT_5.level());
    }

    @Test
    void levelsTheBrokerDoesNotSpeakHaveNoVersion() {
        assertNull(ProtocolVersion.ofLevel(0));
        assertNull(ProtocolVersion.ofLevel(2));
        assertNull(ProtocolVersion.ofLevel(6));
    }

    @Test
    void logNumbersAreMosquittos() {
        assertEquals(1, MQTT_3_1.logNumber());
        assertEquals(2, MQTT_3_1_1.logNumber());
        assertEquals(5, MQTT_5.logNumber());
    }

    @Test
    void anEmptyClientIdIsForMqtt311CleanSessionsAndEveryMqtt5Client() {
        assertFalse(MQTT_3_1.acceptsEmptyClientId(true));
        assertFalse(MQTT_3_1.acceptsEmptyClientId(false));
        assertTrue(MQTT_3_1_1.acceptsEmptyClientId(true));
        assertFalse(MQTT_3_1_1.acceptsEmptyClientId(false));
        assertTrue(MQTT_5.acceptsEmptyClientId(true));
        assertTrue(MQTT_5.acceptsEmptyClientId(false));
    }

    @ParameterizedTest
    @EnumSource(names = {"MQTT_3_1", "MQTT_3_1_1"})
    void mqtt3CleanSessionsEndWithTheConnectionAndOthersLastForeverOrForPersistentClientExpiration(
            ProtocolVersion version) {
        assertEquals(0, version.sessionExpiryInterval(true, 0, 0));
        assertEquals(0, version.sessionExpiryInterval(true, 0, 3_600));
        assertEquals(Session.NEVER_EXPIRES, version.sessionExpiryInterval(false, 0, 0));
        assertEquals(3_600, version.sessionExpiryInterval(false, 0, 3_600));
        assertEquals(Session.NEVER_EXPIRES, version.sessionExpiryInterval(false, 99, 0),
                "a 3.x CONNECT has no Session Expiry Interval of its own");
    }

    @Test
    void mqtt5UsesTheClientsSessionExpiryWhateverCleanStartSays() {
        assertEquals(0, MQTT_5.sessionExpiryInterval(true, 0, 3_600));
        assertEquals(0, MQTT_5.sessionExpiryInterval(false, 0, 3_600));
        assertEquals(120, MQTT_5.sessionExpiryInterval(true, 120, 0));
        assertEquals(120, MQTT_5.sessionExpiryInterval(false, 120, 3_600));
        assertEquals(Session.NEVER_EXPIRES, MQTT_5.sessionExpiryInterval(false, Session.NEVER_EXPIRES, 0));
        assertEquals(3_600, MQTT_5.sessionExpiryInterval(false, Session.NEVER_EXPIRES, 3_600),
                "persistent_client_expiration bounds a session that asked never to expire");
    }

    @Test
    void aRefusedSubscriptionIsTheRequestedQosIn31_0x80In311AndTheReasonIn5() {
        assertEquals(2, MQTT_3_1.subackFailure(ReasonCode.TOPIC_FILTER_INVALID, QoS.EXACTLY_ONCE));
        assertEquals(0, MQTT_3_1.subackFailure(ReasonCode.NOT_AUTHORIZED, QoS.AT_MOST_ONCE));
        assertEquals(0x80, MQTT_3_1_1.subackFailure(ReasonCode.TOPIC_FILTER_INVALID, QoS.EXACTLY_ONCE));
        assertEquals(0x80, MQTT_3_1_1.subackFailure(ReasonCode.NOT_AUTHORIZED, QoS.AT_LEAST_ONCE));
        assertEquals(0x8F, MQTT_5.subackFailure(ReasonCode.TOPIC_FILTER_INVALID, QoS.EXACTLY_ONCE));
        assertEquals(0x87, MQTT_5.subackFailure(ReasonCode.NOT_AUTHORIZED, QoS.AT_LEAST_ONCE));
    }

    @ParameterizedTest
    @EnumSource(names = {"MQTT_3_1", "MQTT_3_1_1"})
    void mqtt3ConnackCodesAreTheSixReturnCodes(ProtocolVersion version) {
        assertEquals(0x00, version.connackCode(ReasonCode.SUCCESS));
        assertEquals(0x01, version.connackCode(ReasonCode.UNSUPPORTED_PROTOCOL_VERSION));
        assertEquals(0x02, version.connackCode(ReasonCode.CLIENT_IDENTIFIER_NOT_VALID));
        assertEquals(0x03, version.connackCode(ReasonCode.SERVER_UNAVAILABLE));
        assertEquals(0x03, version.connackCode(ReasonCode.SERVER_BUSY));
        assertEquals(0x03, version.connackCode(ReasonCode.USE_ANOTHER_SERVER));
        assertEquals(0x04, version.connackCode(ReasonCode.BAD_USER_NAME_OR_PASSWORD));
        assertEquals(0x05, version.connackCode(ReasonCode.NOT_AUTHORIZED));
        assertEquals(0x05, version.connackCode(ReasonCode.BAD_AUTHENTICATION_METHOD));
        assertEquals(0x05, version.connackCode(ReasonCode.BANNED));
    }

    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void mqtt5ConnackCodesAreTheReasonCodes(ReasonCode code) {
        assertEquals(code.value(), MQTT_5.connackCode(code));
    }

    @Test
    void onlyMqtt5HasReasonCodes() {
        assertFalse(MQTT_3_1.hasReasonCodes());
        assertFalse(MQTT_3_1_1.hasReasonCodes());
        assertTrue(MQTT_5.hasReasonCodes());
    }
}
