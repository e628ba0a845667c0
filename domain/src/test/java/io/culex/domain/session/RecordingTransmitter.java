package io.culex.domain.session;

import java.util.ArrayList;
import java.util.List;

/** Records what a session sends, as "PUBLISH id topic qos dup retain" / "PUBREL id" lines. */
final class RecordingTransmitter implements Transmitter {

    final List<String> sent = new ArrayList<>();

    @Override
    public void publish(int packetId, Delivery delivery, boolean dup) {
        sent.add("PUBLISH " + packetId + " " + delivery.message().topic() + " q" + delivery.qos().value()
                + (dup ? " dup" : "") + (delivery.retainFlag() ? " retain" : ""));
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
