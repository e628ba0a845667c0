package io.culex.application.security.enhanced;

import java.util.Objects;
import java.util.Optional;

/**
 * What the broker answers to one step of an MQTT 5 enhanced authentication exchange. Exactly one of:
 * <ul>
 * <li>{@link Outcome#CONTINUE}: send AUTH with reason code 0x18 (Continue authentication) carrying
 *     {@link #serverData()} and wait for the client's next AUTH.</li>
 * <li>{@link Outcome#SUCCESS}: the client is {@link #username()}. During CONNECT send CONNACK 0x00, on
 *     re-authentication AUTH 0x00; either carries {@link #serverData()} as Authentication Data when present
 *     (SCRAM's server signature, which the client checks).</li>
 * <li>{@link Outcome#FAILURE}: send 0x87 Not authorized (CONNACK during CONNECT, DISCONNECT on
 *     re-authentication) and close, whatever went wrong: a wrong password, an unknown user and a malformed
 *     message all look the same to the client. {@link #failureReason()} is for the broker's log only and must
 *     not be sent (it says whether the user exists).</li>
 * </ul>
 */
public final class AuthStep {

    /** Which of the three answers this is. */
    public enum Outcome {
        CONTINUE, SUCCESS, FAILURE
    }

    private final Outcome outcome;
    private final byte[] serverData;
    private final String username;
    private final String failureReason;

    private AuthStep(Outcome outcome, byte[] serverData, String username, String failureReason) {
        this.outcome = outcome;
        this.serverData = serverData == null ? null : serverData.clone();
        this.username = username;
        this.failureReason = failureReason;
    }

    /** Another round trip: {@code serverData} goes to the client in AUTH 0x18. */
    public static AuthStep continueWith(byte[] serverData) {
        return new AuthStep(Outcome.CONTINUE, Objects.requireNonNull(serverData), null, null);
    }

    /** @param finalServerData data for the CONNACK or AUTH 0x00, or null for none */
    public static AuthStep success(String username, byte[] finalServerData) {
        return new AuthStep(Outcome.SUCCESS, finalServerData, Objects.requireNonNull(username), null);
    }

    /** @param reason for the broker's log, never for the client */
    public static AuthStep failure(String reason) {
        return new AuthStep(Outcome.FAILURE, null, null, Objects.requireNonNull(reason));
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Authentication Data for the client: always present for CONTINUE, optional for SUCCESS, absent for FAILURE. */
    public Optional<byte[]> serverData() {
        return serverData == null ? Optional.empty() : Optional.of(serverData.clone());
    }

    /** The authenticated user, present for SUCCESS only: the client's username from now on (ACLs, {@code %u}). */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** Why the client was refused, present for FAILURE only; for the log, never for the client. */
    public Optional<String> failureReason() {
        return Optional.ofNullable(failureReason);
    }

    @Override
    public String toString() {
        return switch (outcome) {
            case CONTINUE -> "CONTINUE";
            case SUCCESS -> "SUCCESS as '" + username + "'";
            case FAILURE -> "FAILURE: " + failureReason;
        };
    }
}
