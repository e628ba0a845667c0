package io.culex.adapters.netty.http;

import io.culex.application.admin.BrokerStats;
import io.culex.application.admin.ClientDetail;
import io.culex.application.admin.ClientSummary;
import io.culex.application.admin.ListenerStatus;
import io.culex.application.admin.Page;
import io.culex.application.admin.SessionState;
import io.culex.application.admin.SubscriptionEntry;
import io.culex.application.bridge.BridgeStateLabel;
import io.culex.application.bridge.BridgeStatus;
import io.culex.application.metrics.BrokerMetrics;
import io.culex.domain.message.Message;
import io.culex.domain.session.Session;
import io.culex.domain.topic.Subscription;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.BiConsumer;

/** The admin API's JSON shapes: one method per kind of thing the API shows. */
final class AdminJson {

    private AdminJson() {
    }

    static <T> JsonWriter page(Page<T> page, String itemsName, BiConsumer<JsonWriter, T> item) {
        JsonWriter json = new JsonWriter().beginObject()
                .member("page", page.page()).member("size", page.size()).member("total", page.total())
                .name(itemsName).beginArray();
        for (T each : page.items()) {
            item.accept(json, each);
        }
        return json.endArray().endObject();
    }

    static void client(JsonWriter json, ClientSummary client) {
        json.beginObject();
        clientMembers(json, client);
        json.endObject();
    }

    private static void clientMembers(JsonWriter json, ClientSummary client) {
        json.member("clientId", client.clientId()).member("connected", client.connected())
                .member("username", client.username()).member("address", client.address())
                .member("protocol", client.protocol()).member("listener", client.listenerId());
        if (client.connected()) {
            json.member("keepAlive", client.keepAliveSeconds())
                    .member("connectedSeconds", client.connectedForSeconds())
                    .member("connectedSince",
                            Instant.ofEpochMilli(System.currentTimeMillis() - client.connectedForSeconds() * 1000)
                                    .toString());
        }
    }

    static JsonWriter clientDetail(ClientDetail detail) {
        JsonWriter json = new JsonWriter().beginObject();
        clientMembers(json, detail.client());
        SessionState session = detail.session();
        json.name("session").beginObject()
                .member("persistent", session.persistent())
                .member("expiryInterval", session.expiryIntervalSeconds() == Session.NEVER_EXPIRES
                        ? -1 : session.expiryIntervalSeconds())
                .member("inflight", session.inflight()).member("queued", session.queued())
                .member("queuedInMemory", session.queuedInMemory())
                .member("queuedBytes", session.queuedBytes()).member("awaitingRelease", session.awaitingRelease())
                .name("subscriptions").beginArray();
        for (Subscription subscription : session.subscriptions()) {
            subscription(json, subscription);
        }
        return json.endArray().endObject().endObject();
    }

    static void subscription(JsonWriter json, Subscription subscription) {
        json.beginObject().member("filter", subscription.filter()).member("qos", subscription.maxQos().value())
                .member("noLocal", subscription.noLocal()).member("retainAsPublished", subscription.retainAsPublished())
                .member("retainHandling", subscription.retainHandling().ordinal());
        if (subscription.hasIdentifier()) {
            json.member("identifier", subscription.identifier());
        }
        json.endObject();
    }

    static void subscriptionEntry(JsonWriter json, SubscriptionEntry entry) {
        Subscription subscription = entry.subscription();
        json.beginObject().member("clientId", entry.clientId()).member("filter", subscription.filter())
                .member("qos", subscription.maxQos().value()).member("noLocal", subscription.noLocal())
                .member("retainAsPublished", subscription.retainAsPublished()).endObject();
    }

    /** A payload that is valid UTF-8 is shown as text, any other as base64. */
    static void retained(JsonWriter json, Message message) {
        json.beginObject().member("topic", message.topic()).member("qos", message.qos().value())
                .member("size", message.payload().length);
        String text = utf8(message.payload());
        if (text != null) {
            json.member("payload", text).member("encoding", "utf-8");
        } else {
            json.member("payload", Base64.getEncoder().encodeToString(message.payload())).member("encoding", "base64");
        }
        json.endObject();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static JsonWriter stats(BrokerStats stats, String version) {
        BrokerMetrics.Totals totals = stats.totals();
        return new JsonWriter().beginObject()
                .member("version", version).member("uptimeSeconds", stats.uptimeSeconds())
                .name("clients").beginObject()
                .member("connected", stats.clientsConnected()).member("disconnected", stats.clientsDisconnected())
                .member("sessions", stats.sessions()).member("expired", totals.sessionsExpired()).endObject()
                .member("subscriptions", stats.subscriptions())
                .name("retained").beginObject().member("messages", stats.retainedMessages())
                .member("bytes", stats.retainedBytes()).endObject()
                .name("messages").beginObject()
                .member("received", totals.publishReceived()).member("sent", totals.publishSent())
                .member("dropped", totals.publishDropped()).endObject()
                .name("packets").beginObject().member("received", totals.packetsReceived())
                .member("sent", totals.packetsSent()).endObject()
                .name("bytes").beginObject().member("received", totals.bytesReceived())
                .member("sent", totals.bytesSent()).endObject()
                .name("connections").beginObject().member("accepted", totals.socketsOpened())
                .member("connects", totals.connectsReceived()).endObject()
                .endObject();
    }

    static JsonWriter listeners(List<ListenerStatus> listeners) {
        JsonWriter json = new JsonWriter().beginObject().name("listeners").beginArray();
        for (ListenerStatus status : listeners) {
            json.beginObject().member("id", status.listener().id()).member("protocol", status.listener().protocol())
                    .member("address", status.listener().host()).member("port", status.listener().port())
                    .member("tls", status.listener().tls()).member("clientsConnected", status.clientsConnected())
                    .member("connectionsAccepted", status.socketsOpened())
                    .member("bytesReceived", status.bytesReceived()).member("bytesSent", status.bytesSent())
                    .endObject();
        }
        return json.endArray().endObject();
    }

    static JsonWriter bridges(List<BridgeStatus> bridges) {
        JsonWriter json = new JsonWriter().beginObject().name("bridges").beginArray();
        for (BridgeStatus bridge : bridges) {
            bridgeObject(json, bridge);
        }
        return json.endArray().endObject();
    }

    static JsonWriter bridge(BridgeStatus bridge) {
        return bridgeObject(new JsonWriter(), bridge);
    }

    private static JsonWriter bridgeObject(JsonWriter json, BridgeStatus bridge) {
        return json.beginObject().member("name", bridge.name()).member("state", BridgeStateLabel.of(bridge.state()))
                .member("address", bridge.address())
                .member("connectedSince", bridge.connectedSinceMillis() == 0 ? null
                        : Instant.ofEpochMilli(bridge.connectedSinceMillis()).toString())
                .member("messagesSent", bridge.messagesSent()).member("messagesReceived", bridge.messagesReceived())
                .member("queued", bridge.queued()).member("dropped", bridge.dropped())
                .member("connectAttempts", bridge.connectAttempts()).member("connectFailures", bridge.connectFailures())
                .member("lastError", bridge.lastError()).endObject();
    }
}
