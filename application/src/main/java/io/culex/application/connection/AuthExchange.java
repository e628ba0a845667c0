package io.culex.application.connection;

import io.culex.application.security.enhanced.AuthStep;
import io.culex.application.security.enhanced.EnhancedAuthExchange;
import io.culex.application.security.enhanced.EnhancedAuthMethod;

/**
 * One connection's MQTT 5 enhanced authentication (section 4.12): the method its CONNECT chose
 * and the exchange in progress, for the CONNECT and for later re-authentications.
 */
final class AuthExchange {

    private final EnhancedAuthMethod method;
    private EnhancedAuthExchange exchange;

    AuthExchange(EnhancedAuthMethod method) {
        this.method = method;
    }

    String methodName() {
        return method.name();
    }

    /** The CONNECT's Authentication Data: the broker's first answer. */
    AuthStep start(String clientId, byte[] data) {
        exchange = method.start(clientId, data);
        return exchange.firstStep();
    }

    /** AUTH 0x19 from a connected client: authenticate again, as the same user. */
    AuthStep reauthenticate(String clientId, String username, byte[] data) {
        exchange = method.reauthenticate(clientId, username, data);
        return exchange.firstStep();
    }

    /** AUTH 0x18 from the client: the next step of the exchange in progress. */
    AuthStep proceed(byte[] data) {
        return exchange.step(data);
    }
}
