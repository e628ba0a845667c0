package io.culex.bootstrap.tools.client;

import io.culex.domain.topic.Topics;
import java.util.List;

/** The rules between flags that mosquitto's tools check once the whole command line is read. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    static void check(ClientConfig config) throws UsageException {
        clientId(config);
        will(config);
        tls(config);
        sessionExpiry(config);
        config.properties.check();
        switch (config.kind) {
            case PUB:
                if (config.topics.isEmpty() || config.messageSource == MessageSource.NONE) {
                    throw new UsageException("Both topic and message must be supplied.", UsageException.Hint.FULL_USAGE);
                }
                publishTopic(config.topics.get(0));
                break;
            case SUB:
                if (config.topics.isEmpty()) {
                    throw new UsageException("You must specify a topic to subscribe to.");
                }
                filters(config.topics, "subscription");
                filters(config.filterOut, "filter");
                filters(config.unsubscribe, "unsubscribe");
                if (config.noRetained && config.retainedOnly) {
                    throw UsageException.verbatim("\nError: Combining '-R' and '--retained-only' makes no sense.",
                            UsageException.Hint.NONE);
                }
                break;
            case RR:
                if (config.topics.isEmpty() || config.responseTopic == null
                        || config.messageSource == MessageSource.NONE) {
                    throw new UsageException("All of topic, message, and response topic must be supplied.");
                }
                publishTopic(config.topics.get(0));
                filters(List.of(config.responseTopic), "response");
                if (config.messageSource == MessageSource.STDIN_LINES) {
                    throw new UsageException("Unknown option '-l'.");
                }
                responseTopicProperty(config);
                break;
            default:
                throw new IllegalStateException("unknown tool " + config.kind);
        }
        persistentSessionNeedsId(config);
        if (!config.mqtt5() && !config.properties.isEmpty()) {
            // -D switches to MQTT 5; a later -V 31 / 311 leaves properties 3.x cannot carry.
            throw UsageException.verbatim("Unable to connect (This feature is not supported.).", UsageException.Hint.NONE);
        }
    }

    /**
     * MQTT 5: -c without -x means a session that never expires, which needs -i; -x's value goes
     * into CONNECT as Session Expiry Interval. On 3.x -x is ignored, as mosquitto ignores it.
     */
    private static void sessionExpiry(ClientConfig config) throws UsageException {
        if (!config.mqtt5()) {
            return;
        }
        if (!config.cleanSession && config.sessionExpiry == ClientConfig.SESSION_EXPIRY_UNSET) {
            config.sessionExpiry = ClientConfig.SESSION_NEVER_EXPIRES;
        }
        if (config.sessionExpiry > 0) {
            if (config.sessionExpiry == ClientConfig.SESSION_NEVER_EXPIRES
                    && (config.idPrefix != null || config.id == null)) {
                throw new UsageException(
                        "You must provide a client id if you are using an infinite session expiry interval.");
            }
            config.properties.add(PropertyArgs.Command.CONNECT, PropertyArgs.Name.SESSION_EXPIRY_INTERVAL,
                    config.sessionExpiry);
        }
    }

    /** mosquitto_rr puts -e into the request's Response Topic (MQTT 5), after any -D publish properties. */
    private static void responseTopicProperty(ClientConfig config) throws UsageException {
        if (!config.mqtt5()) {
            return;
        }
        config.properties.add(PropertyArgs.Command.PUBLISH, PropertyArgs.Name.RESPONSE_TOPIC, config.responseTopic);
        if (PropertyArgs.problem(PropertyArgs.Command.PUBLISH,
                config.properties.entries(PropertyArgs.Command.PUBLISH)) != null) {
            throw UsageException.verbatim("Error in PUBLISH properties: Duplicate response topic.",
                    UsageException.Hint.NONE);
        }
    }

    /** libmosquitto refuses a client without id and without clean start (MQTT 5 with -c and a finite -x). */
    private static void persistentSessionNeedsId(ClientConfig config) throws UsageException {
        if (!config.cleanSession && config.id == null && config.idPrefix == null) {
            throw new UsageException(config.kind == ToolKind.PUB ? "Invalid id." : "Invalid id and/or clean_session.",
                    UsageException.Hint.NONE);
        }
    }

    private static void clientId(ClientConfig config) throws UsageException {
        if (config.id != null && config.idPrefix != null) {
            throw new UsageException("-i and -I argument cannot be used together.");
        }
        if (!config.mqtt5() && !config.cleanSession && config.id == null) {
            throw new UsageException("You must provide a client id if you are using the -c option.");
        }
        if (!config.mqtt5() && config.password != null && config.username == null) {
            throw new UsageException("Problem setting username and/or password.", UsageException.Hint.NONE);
        }
    }

    private static void will(ClientConfig config) throws UsageException {
        if (config.willTopic == null) {
            if (config.willPayload != null) {
                throw new UsageException("Will payload given, but no will topic given.");
            }
            if (config.willRetain) {
                throw new UsageException("Will retain given, but no will topic given.");
            }
            return;
        }
        if (!isValidTopicName(config.willTopic)) {
            throw new UsageException("Invalid will topic '" + config.willTopic + "', does it contain '+' or '#'?");
        }
    }

    private static void tls(ClientConfig config) throws UsageException {
        if ((config.certFile == null) != (config.keyFile == null)) {
            throw new UsageException("Both certfile and keyfile must be provided if one of them is set.",
                    UsageException.Hint.NONE);
        }
        if (config.tlsVersion != null && !config.tlsVersion.equals("tlsv1.2") && !config.tlsVersion.equals("tlsv1.3")) {
            throw new UsageException("Problem setting TLS options: --tls-version must be tlsv1.2 or tlsv1.3.",
                    UsageException.Hint.NONE);
        }
        if (!config.tls() && config.certFile != null) {
            throw new UsageException("Problem setting TLS options: --cert and --key need --cafile or --capath.",
                    UsageException.Hint.NONE);
        }
    }

    private static void publishTopic(String topic) throws UsageException {
        if (!isValidTopicName(topic)) {
            throw new UsageException("Invalid publish topic '" + topic + "', does it contain '+' or '#'?");
        }
    }

    private static void filters(List<String> filters, String what) throws UsageException {
        for (String filter : filters) {
            if (!Topics.isValidTopicFilter(filter)) {
                throw new UsageException("Invalid " + what + " topic '" + filter
                        + "', are all '+' and '#' wildcards correct?");
            }
        }
    }

    private static boolean isValidTopicName(String topic) {
        try {
            Topics.validateTopicName(topic);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
