package io.culex.application.bridge;

/**
 * {@code restart_timeout}: a constant delay ({@code restart_timeout 10}, {@code cap} 0) or Mosquitto's
 * "decorrelated jitter" backoff between {@code base} and {@code cap} seconds ({@code restart_timeout 5 30},
 * the default).
 */
public record RestartTimeout(long baseSeconds, long capSeconds) {

    public static final RestartTimeout DEFAULT = new RestartTimeout(5, 30);

    public RestartTimeout {
        if (baseSeconds < 0 || capSeconds < 0) {
            throw new IllegalArgumentException("restart_timeout must not be negative");
        }
    }

    public boolean isConstant() {
        return capSeconds == 0;
    }
}
