package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.client.ClientListener;
import io.culex.adapters.netty.client.ClientOptions;
import io.culex.adapters.netty.client.ClientWill;
import io.culex.adapters.netty.client.ConnectionRefusedException;
import io.culex.adapters.netty.client.MqttClientConnection;
import io.culex.adapters.netty.client.ReceivedMessage;
import io.culex.adapters.netty.codec.MqttProperties;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One tool's connection to the broker: builds CONNECT from the command line (MQTT 5: with the
 * -D connect / will properties and -x), prints -d lines as libmosquitto does ("Client &lt;id&gt;
 * sending CONNECT", the broker's assigned id once CONNACK names it), and turns failures into
 * Mosquitto's messages and exit codes.
 */
final class ToolConnection implements AutoCloseable {

    private static final int TCP_CONNECT_TIMEOUT_MILLIS = 10_000;
    /** Bound on the DISCONNECT handshake at exit: the socket closes right after writing it. */
    private static final long DISCONNECT_WAIT_SECONDS = 5;
    /** MQTT 5 DISCONNECT reason "Disconnect with Will Message", which mosquitto_sub and _rr send when -W expires. */
    private static final int DISCONNECT_WITH_WILL = 0x04;
    private static final int UNSUPPORTED_PROTOCOL_VERSION = 0x84;

    private final ClientConfig config;
    private final PrintStream err;
    private final MqttClientConnection connection;
    private final DebugLogging logging;

    private ToolConnection(ClientConfig config, PrintStream err, MqttClientConnection connection,
            DebugLogging logging) {
        this.config = config;
        this.err = err;
        this.connection = connection;
        this.logging = logging;
    }

    /** Opens the connection with the command line's client id; {@code events} hears messages and SUBACKs, on the I/O thread. */
    static ToolConnection open(ClientConfig config, PrintStream out, PrintStream err, ClientListener events) {
        return open(config, config.effectiveClientId(), out, err, events);
    }

    /** Opens the connection as {@code clientId} (a reconnection reuses the id the broker assigned). */
    static ToolConnection open(ClientConfig config, String clientId, PrintStream out, PrintStream err,
            ClientListener events) {
        DebugLogging logging = new DebugLogging(events, config.debug ? out : null, clientId, config.mqtt5());
        MqttProperties connectProperties = config.mqtt5()
                ? config.properties.build(PropertyArgs.Command.CONNECT) : MqttProperties.EMPTY;
        ClientOptions options = new ClientOptions(config.host, config.effectivePort(), config.version, clientId,
                config.cleanSession, config.keepAliveSeconds, config.username,
                config.password == null ? null : config.password.getBytes(StandardCharsets.UTF_8), will(config),
                TCP_CONNECT_TIMEOUT_MILLIS, tls(config), connectProperties);
        return new ToolConnection(config, err, MqttClientConnection.open(options, logging), logging);
    }

    private static ClientOptions.Tls tls(ClientConfig config) {
        if (!config.tls()) {
            return null;
        }
        return new ClientOptions.Tls(path(config.caFile), path(config.caPath), path(config.certFile),
                path(config.keyFile), config.insecure, config.tlsVersion);
    }

    private static Path path(String file) {
        return file == null ? null : Path.of(file);
    }

    private static ClientWill will(ClientConfig config) {
        if (config.willTopic == null) {
            return null;
        }
        byte[] payload = config.willPayload == null ? new byte[0] : config.willPayload.getBytes(StandardCharsets.UTF_8);
        MqttProperties properties = config.mqtt5()
                ? config.properties.build(PropertyArgs.Command.WILL) : MqttProperties.EMPTY;
        return new ClientWill(config.willTopic, payload, config.willQos, config.willRetain, properties);
    }

    MqttClientConnection client() {
        return connection;
    }

    /** The client id as it stands: the one the broker assigned (MQTT 5), else the one CONNECT carried. */
    String clientId() {
        return logging.clientId;
    }

    /** Completes when the connection closed, whoever closed it. */
    CompletableFuture<Void> closed() {
        return connection.closed();
    }

    /** The broker ended the connection with an MQTT 5 DISCONNECT (rather than the network failing). */
    boolean disconnectedByServer() {
        return logging.serverDisconnected;
    }

    /** Waits for CONNACK; on refusal prints what mosquitto prints and exits with its code. */
    void awaitConnected(Deadline deadline) throws ToolExit {
        try {
            deadline.await(connection.connected());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectionRefusedException refused) {
                refusal(refused.returnCode());
            }
            err.println(networkErrorText(cause));
            throw new ToolExit(1);
        } catch (TimeoutException e) {
            timedOut();
        }
    }

    /**
     * Waits for CONNACK of a reconnection: {@code false} if the network failed (try again later);
     * a refusal ends the run as it would the first connection.
     */
    boolean awaitReconnected(Deadline deadline) throws ToolExit {
        try {
            deadline.await(connection.connected());
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectionRefusedException refused) {
                refusal(refused.returnCode());
            }
            return false;
        } catch (TimeoutException e) {
            timedOut();
            return false; // not reached
        }
    }

    /** mosquitto's my_connect_callback: the CONNACK code's text, and its code as the exit code. */
    private void refusal(int code) throws ToolExit {
        if (config.kind == ToolKind.RR) {
            // mosquitto_rr words every code as an MQTT 5 reason code, even on 3.x
            err.println("Connection error: " + ReasonText.of(code) + (code == UNSUPPORTED_PROTOCOL_VERSION
                    ? ". culex rr only supports connecting to an MQTT v5 broker" : ""));
        } else if (config.mqtt5()) {
            err.println("Connection error: " + ReasonText.of(code) + (code == UNSUPPORTED_PROTOCOL_VERSION
                    ? ". Try connecting to an MQTT v5 broker, or use MQTT v3.x mode." : ""));
        } else {
            err.println("Connection error: " + ConnackText.of(code));
        }
        if (config.kind == ToolKind.PUB) {
            err.println("Error: " + (config.mqtt5() ? PropertyArgs.PROTOCOL_ERROR : "The connection was refused."));
        }
        throw new ToolExit(code);
    }

    /** Waits for a request's acknowledgement; a lost connection prints an error and exits 1. */
    <T> T await(CompletableFuture<T> request, Deadline deadline) throws ToolExit {
        try {
            return deadline.await(request);
        } catch (ExecutionException e) {
            err.println("Error: " + e.getCause().getMessage());
            throw new ToolExit(1);
        } catch (TimeoutException e) {
            timedOut();
            return null; // not reached
        }
    }

    /** -W expired: mosquitto sends DISCONNECT (MQTT 5: "with will message"), prints "Timed out" and exits 27. */
    void timedOut() throws ToolExit {
        awaitClosed(connection.disconnect(DISCONNECT_WITH_WILL, disconnectProperties()));
        err.println("Timed out");
        throw new ToolExit(ToolExit.TIMED_OUT);
    }

    /** DISCONNECT with the -D disconnect properties, then the socket closes. */
    void disconnect() {
        awaitClosed(connection.disconnect(disconnectProperties()));
    }

    private MqttProperties disconnectProperties() {
        return config.mqtt5() ? config.properties.build(PropertyArgs.Command.DISCONNECT) : MqttProperties.EMPTY;
    }

    private static void awaitClosed(CompletableFuture<Void> closed) {
        try {
            closed.get(DISCONNECT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // closing anyway; nothing more to report to the user
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    private static String networkErrorText(Throwable cause) {
        String message = cause.getMessage();
        if ("Lookup error.".equals(message)) {
            return "Unable to connect (Lookup error.).";
        }
        return "Error: " + message;
    }

    /**
     * Adds the -d lines (to stdout, as libmosquitto's clients print them) in front of the tool's
     * listener, naming the client as libmosquitto does: "(null)" without an id, the Assigned Client
     * Identifier from MQTT 5's CONNACK on. The broker's DISCONNECT prints "Received DISCONNECT (rc)".
     */
    private static final class DebugLogging implements ClientListener {
        private final ClientListener events;
        private final PrintStream out;
        private final boolean mqtt5;
        private volatile String clientId;
        private volatile boolean serverDisconnected;

        DebugLogging(ClientListener events, PrintStream out, String clientId, boolean mqtt5) {
            this.events = events;
            this.out = out;
            this.clientId = clientId;
            this.mqtt5 = mqtt5;
        }

        @Override
        public void connackReceived(int returnCode, MqttProperties properties) {
            if (mqtt5 && properties.assignedClientIdentifier() != null) {
                clientId = properties.assignedClientIdentifier();
            }
        }

        @Override
        public void messageArrived(ReceivedMessage message) {
            events.messageArrived(message);
        }

        @Override
        public void subscribed(int messageId, List<Integer> grantedQos) {
            events.subscribed(messageId, grantedQos);
        }

        @Override
        public void packetLogged(String description) {
            if (out != null && !description.startsWith("received DISCONNECT")) {
                out.println("Client " + (clientId.isEmpty() ? "(null)" : clientId) + " " + description);
            }
        }

        @Override
        public void disconnectedByServer(int reasonCode, MqttProperties properties) {
            serverDisconnected = true;
            if (out != null) {
                out.println("Received DISCONNECT (" + reasonCode + ")");
            }
            events.disconnectedByServer(reasonCode, properties);
        }

        @Override
        public void connectionClosed() {
            events.connectionClosed();
        }
    }
}
