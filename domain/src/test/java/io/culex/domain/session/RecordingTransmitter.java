package io.culex.domain.session;

import java.util.ArrayList;
import java.util.List;

/** Records what a session sends, as "PUBLISH id topic qos dup retain" / "PUBREL id" lines. */
final class RecordingTransmitter implements Transmitter {

    final List<String> sent = new ArrayList<>();
    /** Payloads above this size are refused, as a client's Maximum Packet Size would. */
    int maxPayload = Integer.MAX_VALUE;
    /** What {@link #readyForQos0()} answers: false as a connection above its write-buffer high-water mark. */
    boolean ready = true;

    @Override
    public boolean readyForQos0() {
        return ready;
    }

    @Override
    public boolean publish(int packetId, Delivery delivery, boolean dup) {
        if (delivery.message().payload().length > maxPayload) {
            return false;
        }
        sent.add("PUBLISH " + packetId + " " + delivery.message().topic() + " q" + delivery.qos().value()
                + (dup ? " dup" : "") + (delivery.retainFlag() ? " retain" : ""));
        return true;
    }

    @Override
    public void pubrel(int packetId) {
        sent.add("PUBREL " + packetId);
    }

    List<String> takeAll() {
        List<String> copy = List.copyOf(sent);
        sent.clear();
        return copy;
    }
}
