package io.culex.application.bridge;

import io.culex.application.connection.ClientConnection;
import io.culex.application.connection.Outbound;
import io.culex.application.session.SessionActor;
import io.culex.application.settings.BrokerSettings;
import io.culex.domain.message.Message;
import io.culex.domain.session.SessionLimits;
import java.util.Optional;

/** What the bridges need of the local broker (the application's {@code Broker} is one). */
public interface BridgeHost {

    /** A connection the broker opens itself: accepted without credentials, allowed every topic. */
    ClientConnection acceptInternal(Outbound outbound);

    /** Network clients connecting with {@code clientId} are refused (CONNACK 0x85 / 3.x identifier rejected). */
    void reserveClientId(String clientId);

    /** Sessions of {@code clientId} get {@code own} limits instead of the broker-wide ones. */
    void sessionLimitsFor(String clientId, SessionLimits own);

    /** The session of {@code clientId}, connected or offline. */
    Optional<SessionActor> session(String clientId);

    /** Routes and retains a message the broker itself publishes. */
    void publishFromBroker(Message message);

    /** The settings in force. */
    BrokerSettings settings();
}
