package io.culex.adapters.netty.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.culex.application.bridge.RemoteConnack;
import io.culex.application.bridge.RemoteLink;
import io.culex.application.bridge.RemoteLinkListener;
import io.culex.application.connection.PublishRequest;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records every call of the connector, in order, and checks that each arrives on the link's event loop. */
final class RecordingListener implements RemoteLinkListener {

    static final long WAIT_SECONDS = 10;

    /** One call: its name and argument(s). */
    record Event(String name, Object value) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile RemoteLink link;
    private volatile RemoteConnack connack;
    private volatile boolean offLoopCall;

    @Override
    public void connected(RemoteLink link, RemoteConnack connack) {
        this.link = link;
        this.connack = connack;
        record("connected", connack);
    }

    @Override
    public void connectFailed(String reason) {
        record("connectFailed", reason);
    }

    @Override
    public void publish(PublishRequest request) {
        record("publish", request);
    }

    @Override
    public void puback(int packetId, int reasonCode) {
        record("puback", List.of(packetId, reasonCode));
    }

    @Override
    public void pubrec(int packetId, int reasonCode) {
        record("pubrec", List.of(packetId, reasonCode));
    }

    @Override
    public void pubrel(int packetId) {
        record("pubrel", packetId);
    }

    @Override
    public void pubcomp(int packetId, int reasonCode) {
        record("pubcomp", List.of(packetId, reasonCode));
    }

    @Override
    public void suback(int packetId, List<Integer> codes) {
        record("suback", List.of(packetId, codes));
    }

    @Override
    public void unsuback(int packetId) {
        record("unsuback", packetId);
    }

    @Override
    public void writable() {
        record("writable", null);
    }

    @Override
    public void disconnected(String reason) {
        record("disconnected", reason);
    }

    private void record(String name, Object value) {
        RemoteLink current = link;
        if (current != null && current.eventLoop() instanceof io.netty.util.concurrent.EventExecutor loop
                && !loop.inEventLoop()) {
            offLoopCall = true;
        }
        events.add(new Event(name, value));
    }

    /** The next call, which must be {@code name}; its argument. */
    Object next(String name) throws InterruptedException {
        Event event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(event, "no " + name + " within " + WAIT_SECONDS + " s");
        assertEquals(name, event.name(), "expected " + name + " but got " + event);
        assertTrue(!offLoopCall, "a listener call arrived off the link's event loop");
        return event.value();
    }

    RemoteLink awaitConnected() throws InterruptedException {
        Event event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (event == null || !event.name().equals("connected")) {
            fail("expected connected, got " + event);
        }
        return link;
    }

    RemoteConnack connack() {
        return connack;
    }

    /** Nothing more arrived within {@code millis}. */
    Event poll(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }
}
