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
 * Evolution API v2 webhooks: one event per body, {@code {event, instance, data, date_time}},
 * with {@code messages.upsert}, {@code messages.update} and {@code connection.update} used.
 */
@Component
class EvolutionWebhooks implements WebhookFormat {

    /** Evolution's message status, by name and by its numeric code 0..5. */
    private static final Map<String, MessageStatus> STATUSES = Map.ofEntries(
            Map.entry("ERROR", MessageStatus.FAILED), Map.entry("0", MessageStatus.FAILED),
            Map.entry("SERVER_ACK", MessageStatus.SENT), Map.entry("2", MessageStatus.SENT),
            Map.entry("DELIVERY_ACK", MessageStatus.DELIVERED), Map.entry("3", MessageStatus.DELIVERED),
            Map.entry("READ", MessageStatus.READ), Map.entry("4", MessageStatus.READ),
            Map.entry("PLAYED", MessageStatus.READ), Map.entry("5", MessageStatus.READ));
    private static final Map<String, InstanceStatus> STATES = Map.of(
            "open", InstanceStatus.CONNECTED, "connecting", InstanceStatus.CONNECTING,
            "close", InstanceStatus.DISCONNECTED, "refused", InstanceStatus.BLOCKED);

    @Override
    public ProviderType provider() {
        return ProviderType.EVOLUTION;
    }

    @Override
    public List<InboundItem> split(JsonNode body, String rawBody, ProviderConfig config) {
        JsonNode data = body.path("data");
        String event = eventName(body);
        return List.of(switch (event) {
            case "messages.upsert" -> InboundItem.apply(InboundKind.MESSAGE,
                    Payloads.key(data.path("key").path("id").asText()), rawBody);
            case "messages.update" -> InboundItem.apply(InboundKind.STATUS,
                    Payloads.key(messageId(data) + ":" + data.path("status").asText()), rawBody);
            case "connection.update" ->
                    InboundItem.apply(InboundKind.CONNECTION, Payloads.bodyKey(rawBody), rawBody);
            default -> InboundItem.skip(InboundKind.OTHER, Payloads.bodyKey(rawBody), rawBody,
                    "event '" + event + "' is not used");
        });
    }

    /** Lower-case dotted on the wire, but MESSAGES_UPSERT where configured the old way. */
    private static String eventName(JsonNode body) {
        return body.path("event").asText().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static String messageId(JsonNode data) {
        String keyId = Payloads.text(data.path("keyId"));
        return keyId != null ? keyId : data.path("key").path("id").asText();
    }

    @Override
    public InboundChange read(InboundKind kind, JsonNode payload, Instant receivedAt) {
        Instant sentAt = Payloads.firstTime(receivedAt, Payloads.isoTime(payload.path("date_time")));
        JsonNode data = payload.path("data");
        return switch (kind) {
            case MESSAGE -> readMessage(data, sentAt);
            case STATUS -> readStatus(data, sentAt);
            case CONNECTION -> readConnection(data, sentAt);
            default -> new InboundChange.Skip("not used");
        };
    }

    private InboundChange readMessage(JsonNode data, Instant fallback) {
        JsonNode key = data.path("key");
        if (key.path("fromMe").asBoolean()) {
            return new InboundChange.Skip("echo of a message this number sent");
        }
        String chat = phoneChat(key, data);
        if (chat.endsWith("@g.us")) {
            return new InboundChange.Skip("group chats are not supported yet");
        }
        String type = typeOf(data.path("messageType").asText("unknown"));
        String text = "text".equals(type) ? textOf(data.path("message")) : null;
        Instant sentAt = Payloads.firstTime(fallback, Payloads.unixTime(data.path("messageTimestamp")));
        return new InboundChange.Received(new InboundText(key.path("id").asText(), chat,
                Payloads.text(data.path("pushName")), type,
                text == null ? Payloads.placeholder(type) : text, sentAt));
    }

    /**
     * The chat as a phone-number id. Newer WhatsApp versions address some contacts by a "LID"
     * ({@code ...@lid}), an opaque id that is no phone number; Evolution then carries the
     * number beside it in {@code remoteJidAlt} or {@code senderPn}.
     */
    private static String phoneChat(JsonNode key, JsonNode data) {
        String chat = key.path("remoteJid").asText();
        if (!chat.endsWith("@lid")) {
            return chat;
        }
        for (String alternative : new String[] {key.path("remoteJidAlt").asText(),
                key.path("senderPn").asText(), data.path("senderPn").asText()}) {
            if (alternative.endsWith("@s.whatsapp.net")) {
                return alternative;
            }
        }
        return chat;
    }

    /** Baileys' message types: conversation and extendedTextMessage are text, imageMessage image. */
    private static String typeOf(String messageType) {
        if (messageType.equals("conversation") || messageType.equals("extendedTextMessage")) {
            return "text";
        }
        String type = messageType.endsWith("Message")
                ? messageType.substring(0, messageType.length() - "Message".length()) : messageType;
        return type.isEmpty() ? "unknown" : type.toLowerCase(Locale.ROOT);
    }

    private static String textOf(JsonNode message) {
        String plain = Payloads.text(message.path("conversation"));
        return plain != null ? plain : Payloads.text(message.path("extendedTextMessage").path("text"));
    }

    private InboundChange readStatus(JsonNode data, Instant at) {
        if (!data.path("fromMe").asBoolean(true)) {
            return new InboundChange.Skip("receipt for a message the contact sent");
        }
        String status = data.path("status").asText();
        MessageStatus reported = STATUSES.get(status.toUpperCase(Locale.ROOT));
        if (reported == null) {
            return new InboundChange.Skip("status '" + status + "' is not used");
        }
        String id = messageId(data);
        return new InboundChange.Receipt(reported == MessageStatus.FAILED
                ? new ProviderReceipt(id, reported, at, "evolution_" + status.toLowerCase(Locale.ROOT),
                        "Evolution API reported the message as failed.")
                : ProviderReceipt.of(id, reported, at));
    }

    private InboundChange readConnection(JsonNode data, Instant reportedAt) {
        String state = data.path("state").asText();
        InstanceStatus status = STATES.get(state);
        if (status == null) {
            return new InboundChange.Skip("connection state '" + state + "' is not used");
        }
        String reason = data.has("statusReason") ? " (status reason " + data.path("statusReason").asText() + ")" : "";
        return new InboundChange.Connection(status, "Evolution API reported '" + state + "'" + reason,
                reportedAt);
    }
}
