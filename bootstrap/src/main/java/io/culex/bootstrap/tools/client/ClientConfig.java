package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.client.MqttVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a command line asked for, with mosquitto's defaults. Filled by {@link ArgsParser}
 * and read by the tools; mutable only while parsing.
 */
final class ClientConfig {

    final ToolKind kind;
    String host = "localhost";
    int port = 1883;
    /** Unless -p or -L set the port, TLS (--cafile, --capath, --tls-use-os-certs) uses 8883, as mosquitto. */
    boolean portGiven;
    /** 3.1.1 by default; mosquitto_rr's default is MQTT 5, which its Response Topic needs. */
    MqttVersion version;
    String id;
    String idPrefix;
    String username;
    String password;
    int keepAliveSeconds = 60;
    boolean cleanSession = true;
    boolean debug;
    boolean quiet;

    final List<String> topics = new ArrayList<>();
    final List<String> filterOut = new ArrayList<>();
    final List<String> unsubscribe = new ArrayList<>();
    int qos;
    boolean retain;

    MessageSource messageSource = MessageSource.NONE;
    String message;
    String file;
    int repeat = 1;
    double repeatDelaySeconds;

    int count;
    int timeoutSeconds;
    boolean noRetained;
    boolean exitAfterSubscribe;
    boolean endOfLine = true;
    boolean verbose;
    String format;

    String responseTopic;

    String willTopic;
    String willPayload;
    int willQos;
    boolean willRetain;

    String caFile;
    String caPath;
    String certFile;
    String keyFile;
    boolean insecure;
    String tlsVersion;
    /** --tls-use-os-certs or an mqtts:// URL: TLS trusting the JDK's default trust store. */
    boolean tlsUseOsCerts;

    /** -D lines, by packet; -x's session expiry and rr's response topic are added to them once parsed. */
    final PropertyArgs properties = new PropertyArgs();
    /** -x: {@link #SESSION_EXPIRY_UNSET}, or 0 to 2^32 - 1 (never expires). */
    long sessionExpiry = SESSION_EXPIRY_UNSET;
    static final long SESSION_EXPIRY_UNSET = -1;
    static final long SESSION_NEVER_EXPIRES = 0xFFFF_FFFFL;
    /** -M: QoS 1/2 messages in flight at once (pub -l keeps that many unacknowledged). */
    int maxInflight = 20;
    boolean retainAsPublished;
    boolean retainedOnly;
    boolean removeRetained;
    boolean pretty;
    /** --random-filter, in chances out of 10000 (the percentage × 100). */
    int randomFilter = MessagePrinter.ALWAYS;

    ClientConfig(ToolKind kind) {
        this.kind = kind;
        this.version = kind == ToolKind.RR ? MqttVersion.MQTT_5 : MqttVersion.MQTT_3_1_1;
    }

    boolean mqtt5() {
        return version == MqttVersion.MQTT_5;
    }

    /** TLS is on with a CA (file, directory or the system's): --cert, --key and --insecure alone do not turn it on. */
    boolean tls() {
        return caFile != null || caPath != null || tlsUseOsCerts;
    }

    int effectivePort() {
        return portGiven || !tls() ? port : 8883;
    }

    /** The client id CONNECT carries: -i, else -I plus the pid, else none (3.1.1) or a random one (3.1 requires one). */
    String effectiveClientId() {
        if (id != null) {
            return id;
        }
        if (idPrefix != null) {
            return idPrefix + ProcessHandle.current().pid();
        }
        return version == MqttVersion.MQTT_3_1 ? RandomClientId.generate() : "";
    }
}
