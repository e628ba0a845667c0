package io.culex.application.connection;

import io.culex.domain.message.UserProperty;
import java.util.List;

/**
 * What an MQTT 5 CONNECT asks for beyond MQTT 3.x; a 3.x CONNECT carries {@link #NONE}.
 *
 * @param sessionExpiryInterval seconds; 0 ends the session with the connection
 * @param receiveMaximum        most QoS 1/2 PUBLISHes the client takes unacknowledged (1..65535)
 * @param maximumPacketSize     the largest packet the client accepts, {@link #NO_LIMIT} if it set none
 * @param topicAliasMaximum     how many topic aliases the client lets the broker use, 0 for none
 */
public record ConnectProperties(long sessionExpiryInterval, int receiveMaximum, long maximumPacketSize,
                                int topicAliasMaximum, boolean requestProblemInformation,
                                boolean requestResponseInformation, String authenticationMethod,
                                byte[] authenticationData, List<UserProperty> userProperties) {

    public static final long NO_LIMIT = Long.MAX_VALUE;
    public static final ConnectProperties NONE =
            new ConnectProperties(0, 65_535, NO_LIMIT, 0, true, false, null, null, List.of());

    public ConnectProperties {
        userProperties = List.copyOf(userProperties);
    }
}
