package io.culex.application.connection;

import io.culex.domain.message.UserProperty;
import java.util.List;

/**
 * A CONNACK as the application decided it. {@code code} is already in the client's
 * version (see {@link io.culex.application.protocol.ProtocolVersion#connackCode}); the
 * properties are MQTT 5 only, null where absent, and dropped by the transport for 3.x.
 */
public record Connack(boolean sessionPresent, int code, Properties properties) {

    /** The CONNACK properties of MQTT 5 (3.2.2.3); null fields are not sent. */
    public record Properties(Long sessionExpiryInterval, Integer receiveMaximum, Integer maximumQos,
                             Boolean retainAvailable, Long maximumPacketSize, String assignedClientIdentifier,
                             Integer topicAliasMaximum, String reasonString, Boolean wildcardSubscriptionAvailable,
                             Boolean subscriptionIdentifiersAvailable, Boolean sharedSubscriptionAvailable,
                             Integer serverKeepAlive, String serverReference, String authenticationMethod,
                             byte[] authenticationData, List<UserProperty> userProperties) {

        public static final Properties NONE = new Properties(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, List.of());

        public Properties withReasonString(String reason) {
            return new Properties(sessionExpiryInterval, receiveMaximum, maximumQos, retainAvailable,
                    maximumPacketSize, assignedClientIdentifier, topicAliasMaximum, reason,
                    wildcardSubscriptionAvailable, subscriptionIdentifiersAvailable, sharedSubscriptionAvailable,
                    serverKeepAlive, serverReference, authenticationMethod, authenticationData, userProperties);
        }

        public Properties withAuthentication(String method, byte[] data) {
            return new Properties(sessionExpiryInterval, receiveMaximum, maximumQos, retainAvailable,
                    maximumPacketSize, assignedClientIdentifier, topicAliasMaximum, reasonString,
                    wildcardSubscriptionAvailable, subscriptionIdentifiersAvailable, sharedSubscriptionAvailable,
                    serverKeepAlive, serverReference, method, data, userProperties);
        }

        public Properties withServerReference(String reference) {
            return new Properties(sessionExpiryInterval, receiveMaximum, maximumQos, retainAvailable,
                    maximumPacketSize, assignedClientIdentifier, topicAliasMaximum, reasonString,
                    wildcardSubscriptionAvailable, subscriptionIdentifiersAvailable, sharedSubscriptionAvailable,
                    serverKeepAlive, reference, authenticationMethod, authenticationData, userProperties);
        }
    }

    /** A refusal: never a present session, only a reason string (or nothing). */
    public static Connack refused(int code, String reasonString) {
        return new Connack(false, code, reasonString == null ? Properties.NONE : Properties.NONE.withReasonString(reasonString));
    }
}
