package io.culex.application.security.enhanced;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * One SCRAM-SHA-256 authentication (RFC 5802, RFC 7677), server side: client-first in the CONNECT (or AUTH 0x19),
 * server-first in AUTH 0x18, client-final in AUTH 0x18, server-final in the CONNACK (or AUTH 0x00).
 * A malformed message ends it with FAILURE, never with an exception.
 */
final class ScramExchange implements EnhancedAuthExchange {

    private final AuthStep firstStep;
    private ClientFirstMessage clientFirst;
    private String serverFirst;
    private String nonce;
    private ScramUsers.Lookup user;
    private boolean finished;

    /**
     * @param requiredUsername on re-authentication, the user the connection authenticated as
     */
    ScramExchange(byte[] clientFirstData, ScramUsers users, String serverNonce, Optional<String> requiredUsername) {
        this.firstStep = begin(clientFirstData, users, serverNonce, requiredUsername);
        this.finished = firstStep.outcome() != AuthStep.Outcome.CONTINUE;
    }

    private AuthStep begin(byte[] data, ScramUsers users, String serverNonce, Optional<String> requiredUsername) {
        try {
            clientFirst = ScramMessages.parseClientFirst(data);
        } catch (ScramFormatException e) {
            return AuthStep.failure("SCRAM client-first message refused: " + e.getMessage());
        }
        if (requiredUsername.isPresent() && !requiredUsername.get().equals(clientFirst.username())) {
            return AuthStep.failure("SCRAM re-authentication as another user than the connection's refused");
        }
        user = users.find(clientFirst.username());
        nonce = clientFirst.clientNonce() + serverNonce;
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(user.credentials().salt())
                + ",i=" + user.credentials().iterations();
        return AuthStep.continueWith(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public AuthStep firstStep() {
        return firstStep;
    }

    @Override
    public AuthStep step(byte[] clientData) {
        if (finished) {
            return AuthStep.failure("SCRAM exchange already finished");
        }
        finished = true;
        ClientFinalMessage clientFinal;
        try {
            clientFinal = ScramMessages.parseClientFinal(clientData);
        } catch (ScramFormatException e) {
            return AuthStep.failure("SCRAM client-final message refused: " + e.getMessage());
        }
        byte[] gs2Header = clientFirst.gs2Header().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(gs2Header, clientFinal.channelBinding())) {
            return AuthStep.failure("SCRAM channel binding does not repeat the gs2 header");
        }
        if (!clientFinal.nonce().equals(nonce)) {
            return AuthStep.failure("SCRAM nonce is not the one the server sent");
        }
        byte[] authMessage = (clientFirst.bare() + "," + serverFirst + "," + clientFinal.withoutProof())
                .getBytes(StandardCharsets.UTF_8);
        // Checked against decoy keys too, so an unknown user costs the same as a wrong password.
        boolean proven = user.credentials().verifiesProof(authMessage, clientFinal.proof());
        if (user.refusal().isPresent()) {
            return AuthStep.failure("SCRAM: " + user.refusal().get());
        }
        if (!proven) {
            return AuthStep.failure("SCRAM proof wrong (wrong password)");
        }
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(user.credentials().serverSignature(authMessage));
        return AuthStep.success(clientFirst.username(), serverFinal.getBytes(StandardCharsets.US_ASCII));
    }
}
