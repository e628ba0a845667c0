/**
 * A lean MQTT load generator for {@code culex bench}: many connections on one shared event loop group
 * (epoll when available), each a thin pipe of packets over our codec. No request futures, no per-packet
 * trace strings and no flush per packet: the caller drives the protocol through {@link
 * io.culex.adapters.netty.loadgen.LoadListener} callbacks on the connection's I/O thread and writes are
 * flushed once per read batch or when the caller asks. Its API has JDK and client types only, so the
 * bench's scenario logic in bootstrap never sees Netty.
 */
package io.culex.adapters.netty.loadgen;
