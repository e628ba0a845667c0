package io.culex.adapters.netty.client;

/** MQTT 5: the broker acknowledged a QoS 1 or 2 PUBLISH with a failure reason code (0x80 or more). */
public final class PublishRefusedException extends MqttClientException {

    private static final long serialVersionUID = 1L;

    private final int reasonCode;
    private final String reasonString;

    /** @param reasonString the Reason String property, or {@code null} */
    public PublishRefusedException(int reasonCode, String reasonString) {
        super(String.format("Publish refused with reason code 0x%02X", reasonCode)
                + (reasonString == null ? "" : " (" + reasonString + ")") + ".");
        this.reasonCode = reasonCode;
        this.reasonString = reasonString;
    }

    /** E.g. 0x87 not authorized, 0x97 quota exceeded, 0x99 payload format invalid. */
    public int reasonCode() {
        return reasonCode;
    }

    public String reasonString() {
        return reasonString;
    }
}
