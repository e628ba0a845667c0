package io.culex.adapters.netty.client;

/** The broker answered CONNACK with a non-zero return code. */
public final class ConnectionRefusedException extends MqttClientException {

    private static final long serialVersionUID = 1L;

    private final int returnCode;

    public ConnectionRefusedException(int returnCode) {
        super("CONNACK return code " + returnCode);
        this.returnCode = returnCode;
    }

    /** 1 protocol version, 2 identifier rejected, 3 unavailable, 4 bad user name or password, 5 not authorised. */
    public int returnCode() {
        return returnCode;
    }
}
