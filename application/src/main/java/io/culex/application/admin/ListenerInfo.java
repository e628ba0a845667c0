package io.culex.application.admin;

/**
 * A listener as the broker opened it.
 *
 * @param id       the name the transport and the application know it by
 * @param protocol "mqtt", "websockets" or "http_api"
 * @param host     the address it is bound to
 * @param port     the port it is bound to
 * @param tls      whether it uses TLS
 */
public record ListenerInfo(String id, String protocol, String host, int port, boolean tls) {
}
