package io.culex.adapters.netty.client;

/** The connection could not be opened, or was lost before a request completed. */
public class MqttClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MqttClientException(String message) {
        super(message);
    }

    public MqttClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
