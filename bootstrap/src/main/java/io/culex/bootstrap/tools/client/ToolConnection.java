package io.culex.bootstrap.tools.client;

import io.culex.adapters.netty.client.ClientListener;
import io.culex.adapters.netty.client.ClientOptions;
import io.culex.adapters.netty.client.ClientWill;
import io.culex.adapters.netty.client.ConnectionRefusedException;
import io.culex.adapters.netty.client.MqttClientConnection;
import io.culex.adapters.netty.client.ReceivedMessage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One tool's connection to the broker: builds CONNECT from the command line, prints -d lines as
 * libmosquitto does ("Client &lt;id&gt; sending CONNECT"), and turns failures into Mosquitto's
 * messages and exit codes.
 */
final class ToolConnection implements AutoCloseable {

    private static final int TCP_CONNECT_TIMEOUT_MILLIS = 10_000;
    /** Bound on the DISCONNECT handshake at exit: the socket closes right after writing it. */
    private static final long DISCONNECT_WAIT_SECONDS = 5;

    private final ClientConfig config;
    private final PrintStream err;
    private final MqttClientConnection connection;

    private ToolConnection(ClientConfig config, PrintStream err, MqttClientConnection connection) {
        this.config = config;
        this.err = err;
        this.connection = connection;
    }

    /** Opens the connection; {@code events} hears messages and SUBACKs, on the I/O thread. */
    static ToolConnection open(ClientConfig config, PrintStream out, PrintStream err, ClientListener events) {
        String clientId = config.effectiveClientId();
        String display = clientId.isEmpty() ? "(null)" : clientId; // libmosquitto prints a missing id so
        ClientListener listener = new DebugLogging(events, config.debug ? out : null, "Client " + display + " ");
        ClientOptions options = new ClientOptions(config.host, config.effectivePort(), config.version, clientId,
                config.cleanSession, config.keepAliveSeconds, config.username,
                config.password == null ? null : config.password.getBytes(StandardCharsets.UTF_8), will(config),
                TCP_CONNECT_TIMEOUT_MILLIS, tls(config));
        return new ToolConnection(config, err, MqttClientConnection.open(options, listener));
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
        return new ClientWill(config.willTopic, payload, config.willQos, config.willRetain);
    }

    MqttClientConnection client() {
        return connection;
    }

    /** Waits for CONNACK; on refusal prints what mosquitto prints and exits with its code. */
    void awaitConnected(Deadline deadline) throws ToolExit {
        try {
            deadline.await(connection.connected());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectionRefusedException refused) {
                err.println("Connection error: " + ConnackText.of(refused.returnCode()));
                if (config.kind == ToolKind.PUB) {
                    err.println("Error: The connection was refused.");
                }
                throw new ToolExit(refused.returnCode());
            }
            err.println(networkErrorText(cause));
            throw new ToolExit(1);
        } catch (TimeoutException e) {
            timedOut();
        }
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

    /** -W expired: mosquitto sends DISCONNECT, prints "Timed out" and exits 27. */
    void timedOut() throws ToolExit {
        disconnect();
        err.println("Timed out");
        throw new ToolExit(ToolExit.TIMED_OUT);
    }

    void disconnect() {
        try {
            connection.disconnect().get(DISCONNECT_WAIT_SECONDS, TimeUnit.SECONDS);
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

    /** Adds the -d lines (to stdout, as libmosquitto's clients print them) in front of the tool's listener. */
    private record DebugLogging(ClientListener events, PrintStream out, String prefix) implements ClientListener {
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
            if (out != null) {
                out.println(prefix + description);
            }
        }

        @Override
        public void connectionClosed() {
            events.connectionClosed();
        }
    }
}
