package io.culex.domain.topic;

/** A topic name or topic filter breaks the rules of MQTT section 4.7; the message says which. */
public final class InvalidTopicException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidTopicException(String reason) {
        super(reason);
    }
}
