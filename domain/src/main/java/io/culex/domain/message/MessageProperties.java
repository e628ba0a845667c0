package io.culex.domain.message;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The MQTT 5 properties a publisher attaches to a message and the broker forwards to every
 * subscriber (expiry is kept on {@link Message} itself because the broker rewrites it).
 * Absent values are null; MQTT 3.x messages carry {@link #NONE}.
 *
 * @param payloadFormatIndicator 1 when the publisher declares the payload UTF-8 text, 0 or null otherwise
 */
public record MessageProperties(Integer payloadFormatIndicator, String contentType, String responseTopic,
                                byte[] correlationData, List<UserProperty> userProperties) {

    public static final MessageProperties NONE = new MessageProperties(null, null, null, null, List.of());

    public MessageProperties {
        userProperties = List.copyOf(userProperties);
    }

    public boolean declaresUtf8Payload() {
        return payloadFormatIndicator != null && payloadFormatIndicator == 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageProperties that
                && Objects.equals(payloadFormatIndicator, that.payloadFormatIndicator)
                && Objects.equals(contentType, that.contentType)
                && Objects.equals(responseTopic, that.responseTopic)
                && Arrays.equals(correlationData, that.correlationData)
                && userProperties.equals(that.userProperties);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(payloadFormatIndicator, contentType, responseTopic, userProperties)
                + Arrays.hashCode(correlationData);
    }
}
