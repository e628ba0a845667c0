package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.codec.MqttProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * mosquitto's -D / --property: {@code command identifier value}, or {@code command user-property
 * name value}, with the checks, quirks and error messages of mosquitto_pub / mosquitto_sub 2.0.11
 * (client_props.c and libmosquitto's property checks): names are case-insensitive, numbers are
 * read as C's atol does ("12x" is 12, "abc" is 0), and each packet's list is checked once the
 * whole command line is read ({@link #check}).
 */
final class PropertyArgs {

    /** mosquitto_string_to_command(); SUBACK and UNSUBACK are unknown to it. */
    enum Command {
        CONNECT, CONNACK, PUBLISH, PUBACK, PUBREC, PUBREL, PUBCOMP, SUBSCRIBE, UNSUBSCRIBE, DISCONNECT, AUTH, WILL;

        static Command named(String text) {
            for (Command command : values()) {
                if (command.name().equalsIgnoreCase(text)) {
                    return command;
                }
            }
            return null;
        }
    }

    /** libmosquitto's property data types; the number is what "Error adding property" prints. */
    enum Type {
        BYTE(1, 0xFF), INT16(2, 0xFFFF), INT32(3, 0xFFFF_FFFFL), VARINT(4, 0xFFFF_FFFFL), BINARY(5, 0),
        STRING(6, 0), STRING_PAIR(7, 0);

        final int number;
        final long max;

        Type(int number, long max) {
            this.number = number;
            this.max = max;
        }

        boolean numeric() {
            return max > 0;
        }
    }

    /** The properties by their -D name, with the commands mosquitto_property_check_command() allows. */
    enum Name {
        PAYLOAD_FORMAT_INDICATOR(Type.BYTE, Command.PUBLISH, Command.WILL),
        MESSAGE_EXPIRY_INTERVAL(Type.INT32, Command.PUBLISH, Command.WILL),
        CONTENT_TYPE(Type.STRING, Command.PUBLISH, Command.WILL),
        RESPONSE_TOPIC(Type.STRING, Command.PUBLISH, Command.WILL),
        CORRELATION_DATA(Type.BINARY, Command.PUBLISH, Command.WILL),
        SUBSCRIPTION_IDENTIFIER(Type.VARINT, Command.PUBLISH, Command.SUBSCRIBE),
        SESSION_EXPIRY_INTERVAL(Type.INT32, Command.CONNECT, Command.CONNACK, Command.DISCONNECT),
        ASSIGNED_CLIENT_IDENTIFIER(Type.STRING, Command.CONNACK),
        SERVER_KEEP_ALIVE(Type.INT16, Command.CONNACK),
        AUTHENTICATION_METHOD(Type.STRING, Command.CONNECT, Command.CONNACK, Command.AUTH),
        AUTHENTICATION_DATA(Type.BINARY, Command.CONNECT, Command.CONNACK, Command.AUTH),
        REQUEST_PROBLEM_INFORMATION(Type.BYTE, Command.CONNECT),
        WILL_DELAY_INTERVAL(Type.INT32, Command.WILL),
        REQUEST_RESPONSE_INFORMATION(Type.BYTE, Command.CONNECT),
        RESPONSE_INFORMATION(Type.STRING, Command.CONNACK),
        SERVER_REFERENCE(Type.STRING, Command.CONNACK, Command.DISCONNECT),
        /** Everywhere but CONNECT, PUBLISH, SUBSCRIBE and UNSUBSCRIBE. */
        REASON_STRING(Type.STRING, Command.CONNACK, Command.PUBACK, Command.PUBREC, Command.PUBREL, Command.PUBCOMP,
                Command.DISCONNECT, Command.AUTH, Command.WILL),
        RECEIVE_MAXIMUM(Type.INT16, Command.CONNECT, Command.CONNACK),
        TOPIC_ALIAS_MAXIMUM(Type.INT16, Command.CONNECT, Command.CONNACK),
        TOPIC_ALIAS(Type.INT16, Command.PUBLISH),
        MAXIMUM_QOS(Type.BYTE, Command.CONNACK),
        RETAIN_AVAILABLE(Type.BYTE, Command.CONNACK),
        USER_PROPERTY(Type.STRING_PAIR, Command.values()),
        MAXIMUM_PACKET_SIZE(Type.INT32, Command.CONNECT, Command.CONNACK),
        WILDCARD_SUBSCRIPTION_AVAILABLE(Type.BYTE, Command.CONNACK),
        SUBSCRIPTION_IDENTIFIER_AVAILABLE(Type.BYTE, Command.CONNACK),
        SHARED_SUBSCRIPTION_AVAILABLE(Type.BYTE, Command.CONNACK);

        final Type type;
        final Set<Command> commands;

        Name(Type type, Command... commands) {
            this.type = type;
            this.commands = EnumSet.of(commands[0], commands);
        }

        /** "message-expiry-interval", as -D spells it. */
        String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Name named(String text) {
            for (Name name : values()) {
                if (name.text().equalsIgnoreCase(text)) {
                    return name;
                }
            }
            return null;
        }
    }

    /** One property value: a {@code Long}, a {@code String}, or {@code byte[]} for binary data; key for user-property. */
    record Entry(Name name, String key, Object value) {
    }

    /** mosquitto_strerror(MOSQ_ERR_PROTOCOL), what the tools print for a value the protocol forbids. */
    static final String PROTOCOL_ERROR = "A network protocol error occurred when communicating with the broker.";
    private static final String DUPLICATE = "Duplicate property in property list";
    private static final long MAX_VARIABLE_BYTE_INTEGER = 268_435_455;

    private final Map<Command, List<Entry>> lists = new EnumMap<>(Command.class);

    /**
     * Reads the -D at {@code args[index]} (the command; the flag itself was read), as
     * cfg_parse_property() does.
     *
     * @return how many arguments it took
     */
    int parse(String[] args, int index) throws UsageException {
        if (index + 2 > args.length - 1) {
            throw notEnoughArguments();
        }
        String commandText = args[index];
        Command command = Command.named(commandText);
        if (command == null) {
            throw UsageException.withBlankLine("Invalid command given in --property argument.");
        }
        String nameText = args[index + 1];
        Name name = Name.named(nameText);
        if (name == null) {
            throw UsageException.withBlankLine("Invalid property name given in --property argument.");
        }
        if (!name.commands.contains(command)) {
            throw UsageException.withBlankLine(nameText + " property not allowed for " + commandText
                    + " in --property argument.");
        }
        String key = null;
        String value;
        int taken;
        if (name == Name.USER_PROPERTY) {
            if (index + 3 > args.length - 1) {
                throw notEnoughArguments();
            }
            key = args[index + 2];
            value = args[index + 3];
            taken = 4;
        } else {
            value = args[index + 2];
            taken = 3;
        }
        switch (command) {
            case CONNECT: case SUBSCRIBE: case UNSUBSCRIBE: case DISCONNECT: case WILL:
                break;
            case PUBLISH:
                if (name == Name.SUBSCRIPTION_IDENTIFIER) {
                    throw notSupported(nameText, commandText);
                }
                break;
            case CONNACK:
                // mosquitto 2.0.11 fails here without a word of explanation.
                throw UsageException.verbatim("", UsageException.Hint.POINTER);
            default:
                throw notSupported(nameText, commandText);
        }
        lists.computeIfAbsent(command, c -> new ArrayList<>()).add(new Entry(name, key, value(name, nameText, value)));
        return taken;
    }

    private static UsageException notEnoughArguments() {
        return UsageException.withBlankLine("--property argument given but not enough arguments specified.");
    }

    private static UsageException notSupported(String nameText, String commandText) {
        return UsageException.withBlankLine(nameText + " property not supported for " + commandText
                + " in --property argument.");
    }

    private static Object value(Name name, String nameText, String text) throws UsageException {
        Type type = name.type;
        if (type.numeric()) {
            long number = atol(text);
            if (number < 0 || number > type.max) {
                throw UsageException.withBlankLine("Property value (" + number + ") out of range for property "
                        + nameText + ".");
            }
            if (type == Type.VARINT && number > MAX_VARIABLE_BYTE_INTEGER) {
                throw addingFailed(nameText, type);
            }
            return number;
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > 0xFFFF) {
            throw addingFailed(nameText, type);
        }
        return type == Type.BINARY ? text.getBytes(StandardCharsets.UTF_8) : text;
    }

    private static UsageException addingFailed(String nameText, Type type) {
        return UsageException.verbatim("Error adding property " + nameText + " " + type.number,
                UsageException.Hint.POINTER);
    }

    /** C's atol: leading blanks, a sign, then digits up to the first non-digit; 0 without digits; clamped. */
    static long atol(String text) {
        int i = 0;
        while (i < text.length() && isCSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long value = 0;
        for (; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
            int digit = text.charAt(i) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    static boolean isCSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /** Appends a property the tool adds itself (-x's session expiry, mosquitto_rr's response topic). */
    void add(Command command, Name name, Object value) {
        lists.computeIfAbsent(command, c -> new ArrayList<>()).add(new Entry(name, null, value));
    }

    boolean isEmpty() {
        return lists.values().stream().allMatch(List::isEmpty);
    }

    boolean has(Command command, Name name) {
        return entries(command).stream().anyMatch(entry -> entry.name() == name);
    }

    List<Entry> entries(Command command) {
        return lists.getOrDefault(command, List.of());
    }

    /**
     * mosquitto_property_check_all() on each list, in mosquitto's order, plus the values Culex's
     * codec refuses because the protocol forbids them (mosquitto sends those and lets the broker
     * object): "Error in CONNECT properties: ...".
     */
    void check() throws UsageException {
        for (Command command : List.of(Command.CONNECT, Command.PUBLISH, Command.SUBSCRIBE, Command.UNSUBSCRIBE,
                Command.DISCONNECT, Command.WILL)) {
            String problem = problem(command, entries(command));
            if (problem != null) {
                String what = command == Command.WILL ? "Will" : command.name();
                throw UsageException.verbatim("Error in " + what + " properties: " + problem,
                        UsageException.Hint.POINTER);
            }
        }
    }

    /** The first problem of one list, or {@code null}. */
    static String problem(Command command, List<Entry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            Name name = entry.name();
            long number = entry.value() instanceof Long l ? l : -1;
            boolean zeroForbidden = name == Name.MAXIMUM_PACKET_SIZE || name == Name.RECEIVE_MAXIMUM
                    || name == Name.TOPIC_ALIAS || name == Name.SUBSCRIPTION_IDENTIFIER;
            boolean flag = name.type == Type.BYTE;
            if (flag && number > 1 || zeroForbidden && number == 0) {
                return PROTOCOL_ERROR;
            }
            if (command == Command.WILL && name == Name.REASON_STRING) {
                return PROTOCOL_ERROR; // not a will property: Culex's codec cannot send it
            }
            if (name != Name.USER_PROPERTY) {
                for (int j = i + 1; j < entries.size(); j++) {
                    if (entries.get(j).name() == name) {
                        return DUPLICATE;
                    }
                }
            }
        }
        return null;
    }

    /** The properties of one packet, for the client. */
    MqttProperties build(Command command) {
        MqttProperties.Builder builder = MqttProperties.builder();
        for (Entry entry : entries(command)) {
            Object value = entry.value();
            switch (entry.name()) {
                case PAYLOAD_FORMAT_INDICATOR:
                    builder.payloadFormatIndicator(intValue(value));
                    break;
                case MESSAGE_EXPIRY_INTERVAL:
                    builder.messageExpiryInterval((Long) value);
                    break;
                case CONTENT_TYPE:
                    builder.contentType((String) value);
                    break;
                case RESPONSE_TOPIC:
                    builder.responseTopic((String) value);
                    break;
                case CORRELATION_DATA:
                    builder.correlationData((byte[]) value);
                    break;
                case SUBSCRIPTION_IDENTIFIER:
                    builder.subscriptionIdentifier(intValue(value));
                    break;
                case SESSION_EXPIRY_INTERVAL:
                    builder.sessionExpiryInterval((Long) value);
                    break;
                case AUTHENTICATION_METHOD:
                    builder.authenticationMethod((String) value);
                    break;
                case AUTHENTICATION_DATA:
                    builder.authenticationData((byte[]) value);
                    break;
                case REQUEST_PROBLEM_INFORMATION:
                    builder.requestProblemInformation(intValue(value));
                    break;
                case WILL_DELAY_INTERVAL:
                    builder.willDelayInterval((Long) value);
                    break;
                case REQUEST_RESPONSE_INFORMATION:
                    builder.requestResponseInformation(intValue(value));
                    break;
                case SERVER_REFERENCE:
                    builder.serverReference((String) value);
                    break;
                case REASON_STRING:
                    builder.reasonString((String) value);
                    break;
                case RECEIVE_MAXIMUM:
                    builder.receiveMaximum(intValue(value));
                    break;
                case TOPIC_ALIAS_MAXIMUM:
                    builder.topicAliasMaximum(intValue(value));
                    break;
                case TOPIC_ALIAS:
                    builder.topicAlias(intValue(value));
                    break;
                case USER_PROPERTY:
                    builder.userProperty(entry.key(), (String) value);
                    break;
                case MAXIMUM_PACKET_SIZE:
                    builder.maximumPacketSize((Long) value);
                    break;
                default:
                    // CONNACK-only properties never reach a list the tools send
                    throw new IllegalStateException("not a client property: " + entry.name());
            }
        }
        return builder.build();
    }

    private static Integer intValue(Object value) {
        return (int) (long) (Long) value;
    }
}
