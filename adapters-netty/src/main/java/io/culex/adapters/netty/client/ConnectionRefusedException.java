package io.culex.adapters.netty.client;

/** The broker answered CONNACK with a non-zero return code (MQTT 5: a reason code of 0x80 or more). */
public final class ConnectionRefusedException extends MqttClientException {

    private static final long serialVersionUID = 1L;

    private final int returnCode;
    private final String reasonString;

    public ConnectionRefusedException(int returnCode) {
        this(returnCode, null);
    }

    /** @param reasonString the MQTT 5 Reason String property, or {@code null} */
    public ConnectionRefusedException(int returnCode, String reasonString) {
        super("CONNACK return code " + returnCode + (reasonString == null ? "" : " (" + reasonString + ")"));
        this.returnCode = returnCode;
        this.reasonString = reasonString;
    }

    /**
     * MQTT 3.x: 1 protocol version, 2 identifier rejected, 3 unavailable, 4 bad user name or
     * password, 5 not authorised. MQTT 5: the reason code, e.g. 0x84 unsupported protocol version,
     * 0x86 bad user name or password, 0x87 not authorized.
     */
    public int returnCode() {
        return returnCode;
    }

    /** The broker's explanation (MQTT 5 Reason String), or {@code null}. */
    public String reasonString() {
        return reasonString;
    }
}
