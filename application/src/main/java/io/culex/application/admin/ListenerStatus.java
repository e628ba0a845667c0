package io.culex.application.admin;

/**
 * A listener and what it carried.
 *
 * @param clientsConnected MQTT clients connected through it now
 * @param socketsOpened    connections accepted since start
 */
public record ListenerStatus(ListenerInfo listener, int clientsConnected, long socketsOpened, long bytesReceived,
                             long bytesSent) {
}
