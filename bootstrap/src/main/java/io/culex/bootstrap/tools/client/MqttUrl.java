package io.culex.bootstrap.tools.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code -L mqtt(s)://[user[:password]@]host[:port]/topic}: sets the same fields -u -P -h -p -t would. As
 * mosquitto, the scheme sets the port (1883 or 8883) and mqtts:// turns TLS on, trusting the system's CAs
 * unless --cafile or --capath is given.
 */
final class MqttUrl {

    private static final String SCHEME = "mqtt://";
    private static final String TLS_SCHEME = "mqtts://";

    private MqttUrl() {
    }

    static void apply(String url, ClientConfig config) throws UsageException {
        String rest;
        if (url.startsWith(SCHEME)) {
            rest = url.substring(SCHEME.length());
            config.port = 1883;
            config.portGiven = true;
        } else if (url.startsWith(TLS_SCHEME)) {
            rest = url.substring(TLS_SCHEME.length());
            config.port = 8883;
            config.portGiven = true;
            config.tlsUseOsCerts = true;
        } else {
            throw new UsageException("Unsupported URL scheme.");
        }
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            throw new UsageException("Invalid URL for -L argument specified - topic missing.");
        }
        String authority = rest.substring(0, slash);
        String topic = rest.substring(slash + 1);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo(authority.substring(0, at), config);
            authority = authority.substring(at + 1);
        }
        hostAndPort(authority, config);
        if (config.kind != ToolKind.SUB && !config.topics.isEmpty()) {
            throw new UsageException("Duplicate topic argument given.");
        }
        config.topics.add(topic);
    }

    private static void userInfo(String userInfo, ClientConfig config) {
        int colon = userInfo.indexOf(':');
        if (colon >= 0) {
            config.username = decode(userInfo.substring(0, colon));
            config.password = decode(userInfo.substring(colon + 1));
        } else {
            config.username = decode(userInfo);
        }
    }

    private static void hostAndPort(String authority, ClientConfig config) throws UsageException {
        // "[::1]:1883" keeps its colons inside the brackets.
        int colon = authority.lastIndexOf(':');
        if (colon > authority.lastIndexOf(']')) {
            String port = authority.substring(colon + 1);
            authority = authority.substring(0, colon);
            try {
                config.port = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new UsageException("Invalid port given: " + port);
            }
            if (config.port < 1 || config.port > 65_535) {
                throw new UsageException("Invalid port given: " + port);
            }
        }
        if (authority.isEmpty()) {
            throw new UsageException("Invalid URL for -L argument specified - host missing.");
        }
        config.host = authority.startsWith("[") && authority.endsWith("]")
                ? authority.substring(1, authority.length() - 1) : authority;
    }

    /** Percent-escapes let a password hold '@' or ':'; '+' stays a plus, unlike in a form. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
