package dev.bouncer.host.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.instance.InstanceStatus;
import dev.bouncer.host.message.InboundText;
import dev.bouncer.host.message.MessageStatus;
import dev.bouncer.host.message.ProviderReceipt;
import dev.bouncer.host.provider.ProviderConfig;
import dev.bouncer.host.provider.ProviderType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * WAHA webhooks: one event per body, {@code {id, timestamp, event, session, payload}}, with
 * {@code message}, {@code message.ack} and {@code session.status} used.
 */
@Component
class WahaWebhooks implements WebhookFormat {

    /** WAHA's ack levels: -1 error, 0 pending (nothing to report), 1 server .. 4 played. */
    private static final Map<Integer, MessageStatus> ACKS = Map.of(
            -1, MessageStatus.FAILED, 1, MessageStatus.SENT, 2, MessageStatus.DELIVERED,
            3, MessageStatus.READ, 4, MessageStatus.READ);
    private static final Map<String, InstanceStatus> SESSION_STATES = Map.of(
            "WORKING", InstanceStatus.CONNECTED, "STARTING", InstanceStatus.CONNECTING,
            "SCAN_QR_CODE", InstanceStatus.QR_REQUIRED, "FAILED", InstanceStatus.DISCONNECTED,
            "STOPPED", InstanceStatus.DISCONNECTED);

    @Override
    public ProviderType provider() {
        return ProviderType.WAHA;
    }

    @Override
    public List<InboundItem> split(JsonNode body, String rawBody, ProviderConfig config) {
        JsonNode payload = body.path("payload");
        String event = body.path("event").asText();
        // Keys are the event's own ids, not X-Webhook-Request-Id, which a retry changes.
        return List.of(switch (event) {
            case "message", "message.any" -> InboundItem.apply(InboundKind.MESSAGE,
                    Payloads.key(payload.path("id").asText()), rawBody);
            case "message.ack" -> InboundItem.apply(InboundKind.STATUS,
                    Payloads.key(payload.path("id").asText() + ":" + payload.path("ack").asText()), rawBody);
            case "session.status" -> InboundItem.apply(InboundKind.CONNECTION, eventKey(body, rawBody), rawBody);
            default -> InboundItem.skip(InboundKind.OTHER, eventKey(body, rawBody), rawBody,
                    "event '" + event + "' is not used");
        });
    }

    private static String eventKey(JsonNode body, String rawBody) {
        String id = Payloads.text(body.path("id"));
        return id != null ? Payloads.key(id) : Payloads.bodyKey(rawBody);
    }

    @Override
    public InboundChange read(InboundKind kind, JsonNode body, Instant receivedAt) {
        Instant at = Payloads.firstTime(receivedAt, Payloads.unixTime(body.path("timestamp")));
        JsonNode payload = body.path("payload");
        return switch (kind) {
            case MESSAGE -> readMessage(payload, at);
            case STATUS -> readAck(payload, at);
            case CONNECTION -> readSession(payload, at);
            default -> new InboundChange.Skip("not used");
        };
    }

    private InboundChange readMessage(JsonNode payload, Instant fallback) {
        if (payload.path("fromMe").asBoolean()) {
            return new InboundChange.Skip("echo of a message this number sent");
        }
        String from = payload.path("from").asText();
        if (from.endsWith("@g.us")) {
            return new InboundChange.Skip("group chats are not supported yet");
        }
        String type = payload.path("hasMedia").asBoolean() ? mediaType(payload.path("media")) : "text";
        String body = Payloads.text(payload.path("body"));
        String text = "text".equals(type) && body != null ? body : Payloads.placeholder(type);
        Instant sentAt = Payloads.firstTime(fallback, Payloads.unixTime(payload.path("timestamp")));
        return new InboundChange.Received(new InboundText(payload.path("id").asText(), from,
                Payloads.text(payload.path("_data").path("notifyName")), type, text, sentAt));
    }

    /** image/jpeg is an image, audio/ogg audio, anything else a document. */
    private static String mediaType(JsonNode media) {
        String mime = media.path("mimetype").asText("");
        String major = mime.contains("/") ? mime.substring(0, mime.indexOf('/')) : "";
        return switch (major.toLowerCase(Locale.ROOT)) {
            case "image", "video", "audio" -> major.toLowerCase(Locale.ROOT);
            default -> "document";
        };
    }

    private InboundChange readAck(JsonNode payload, Instant at) {
        if (!payload.path("fromMe").asBoolean(true)) {
            return new InboundChange.Skip("receipt for a message the contact sent");
        }
        MessageStatus reported = payload.path("ack").isInt() ? ACKS.get(payload.path("ack").intValue()) : null;
        if (reported == null) {
            return new InboundChange.Skip("ack '" + payload.path("ack").asText() + "' is not used");
        }
        String id = payload.path("id").asText();
        return new InboundChange.Receipt(reported == MessageStatus.FAILED
                ? new ProviderReceipt(id, reported, at, "waha_ack_error", "WAHA reported the message as failed.")
                : ProviderReceipt.of(id, reported, at));
    }

    private InboundChange readSession(JsonNode payload, Instant reportedAt) {
        String state = payload.path("status").asText();
        InstanceStatus status = SESSION_STATES.get(state);
        if (status == null) {
            return new InboundChange.Skip("session status '" + state + "' is not used");
        }
        return new InboundChange.Connection(status, "WAHA reported session status " + state, reportedAt);
    }
}
