package io.culex.application.security.enhanced;

import java.util.Objects;

/** A re-authentication: passes the exchange's steps through, but a SUCCESS as another user becomes a FAILURE. */
final class SameUserExchange implements EnhancedAuthExchange {

    private final String username;
    private final EnhancedAuthExchange exchange;

    SameUserExchange(String username, EnhancedAuthExchange exchange) {
        this.username = Objects.requireNonNull(username);
        this.exchange = Objects.requireNonNull(exchange);
    }

    @Override
    public AuthStep firstStep() {
        return sameUser(exchange.firstStep());
    }

    @Override
    public AuthStep step(byte[] clientData) {
        return sameUser(exchange.step(clientData));
    }

    private AuthStep sameUser(AuthStep step) {
        if (step.outcome() == AuthStep.Outcome.SUCCESS && !step.username().orElseThrow().equals(username)) {
            return AuthStep.failure("re-authentication as another user than the connection's refused");
        }
        return step;
    }
}
