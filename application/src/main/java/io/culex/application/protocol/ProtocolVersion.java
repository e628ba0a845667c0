package io.culex.application.protocol;

import io.culex.domain.message.QoS;
import io.culex.domain.session.Session;

/**
 * What differs between MQTT 3.1, 3.1.1 and 5 in the broker's behaviour, in one place: the
 * connection logic asks its client's version instead of testing version numbers itself.
 */
public enum ProtocolVersion {

    MQTT_3_1(3, 1) {
        @Override
        public boolean acceptsEmptyClientId(boolean cleanStart) {
            return false;
        }

        @Override
        public int subackFailure(ReasonCode reason, QoS requested) {
            // 3.1 SUBACK has no failure code: the requested QoS is returned and nothing is subscribed.
            return requested.value();
        }
    },

    MQTT_3_1_1(4, 2) {
        @Override
        public boolean acceptsEmptyClientId(boolean cleanStart) {
            return cleanStart;
        }

        @Override
        public int subackFailure(ReasonCode reason, QoS requested) {
            return 0x80;
        }
    },

    MQTT_5(5, 5) {
        @Override
        public boolean acceptsEmptyClientId(boolean cleanStart) {
            return true;
        }

        @Override
        public long sessionExpiryInterval(boolean cleanStart, long requested, long persistentClientExpiration) {
            // Clean Start and the expiry are independent in MQTT 5; as Mosquitto, persistent_client_expiration
            // bounds a session that asked never to expire.
            boolean bounded = requested == Session.NEVER_EXPIRES && persistentClientExpiration > 0;
            return bounded ? persistentClientExpiration : requested;
        }

        @Override
        public int subackFailure(ReasonCode reason, QoS requested) {
            return reason.value();
        }

        @Override
        public int connackCode(ReasonCode reason) {
            return reason.value();
        }

        @Override
        public boolean hasReasonCodes() {
            return true;
        }
    };

    private final int level;
    private final int logNumber;

    ProtocolVersion(int level, int logNumber) {
        this.level = level;
        this.logNumber = logNumber;
    }

    /** The version with this CONNECT protocol level, or null if the broker does not speak it. */
    public static ProtocolVersion ofLevel(int level) {
        for (ProtocolVersion version : values()) {
            if (version.level == level) {
                return version;
            }
        }
        return null;
    }

    public int level() {
        return level;
    }

    /** The number Mosquitto prints in "New client connected ... (p2, c1, k60)". */
    public int logNumber() {
        return logNumber;
    }

    /** Whether a client may connect with an empty client id (the broker then assigns one). */
    public abstract boolean acceptsEmptyClientId(boolean cleanStart);

    /**
     * How long a session outlives its connection, in seconds ({@code Session.NEVER_EXPIRES} for ever).
     *
     * @param requested                  MQTT 5's Session Expiry Interval from CONNECT
     * @param persistentClientExpiration persistent_client_expiration for 3.x persistent sessions, 0 for never
     */
    public long sessionExpiryInterval(boolean cleanStart, long requested, long persistentClientExpiration) {
        if (cleanStart) {
            return 0;
        }
        return persistentClientExpiration > 0 ? persistentClientExpiration : Session.NEVER_EXPIRES;
    }

    /** The SUBACK code for a refused subscription. */
    public abstract int subackFailure(ReasonCode reason, QoS requested);

    /** The CONNACK code for an outcome: MQTT 3.x has six return codes, MQTT 5 all reason codes. */
    public int connackCode(ReasonCode reason) {
        switch (reason) {
            case SUCCESS:
                return 0x00;
            case UNSUPPORTED_PROTOCOL_VERSION:
                return 0x01;
            case CLIENT_IDENTIFIER_NOT_VALID:
                return 0x02;
            case BAD_USER_NAME_OR_PASSWORD:
                return 0x04;
            case NOT_AUTHORIZED:
            case BAD_AUTHENTICATION_METHOD:
            case BANNED:
                return 0x05;
            default:
                return 0x03; // server unavailable
        }
    }

    /**
     * Whether the client understands reason codes on acknowledgements, DISCONNECT from the
     * server and properties: MQTT 5 only. A 3.x client is told about a refusal by silence
     * (an unauthorised PUBLISH is acknowledged and dropped) or by the connection closing.
     */
    public boolean hasReasonCodes() {
        return false;
    }
}
