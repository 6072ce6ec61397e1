package dev.bouncer.host.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncer.host.message.InboundText;
import dev.bouncer.host.message.MessageStatus;
import dev.bouncer.host.message.ProviderReceipt;
import dev.bouncer.host.provider.ProviderConfig;
import dev.bouncer.host.provider.ProviderType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Meta's WhatsApp Cloud API webhooks: {@code entry[].changes[].value} with {@code messages}
 * and {@code statuses} arrays. One body may batch several entries, changes and items; each
 * message and each status becomes an event of its own.
 */
@Component
class CloudApiWebhooks implements WebhookFormat {

    private static final String MESSAGES_FIELD = "messages";
    private static final Map<String, MessageStatus> STATUSES = Map.of(
            "sent", MessageStatus.SENT, "delivered", MessageStatus.DELIVERED,
            "read", MessageStatus.READ, "failed", MessageStatus.FAILED);

    private final ObjectMapper json;

    CloudApiWebhooks(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ProviderType provider() {
        return ProviderType.CLOUD_API;
    }

    @Override
    public List<InboundItem> split(JsonNode body, String rawBody, ProviderConfig config) {
        List<InboundItem> items = new ArrayList<>();
        for (JsonNode entry : body.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                items.addAll(splitChange(change, config.setting("phoneNumberId")));
            }
        }
        return items.isEmpty()
                ? List.of(InboundItem.skip(InboundKind.OTHER, Payloads.bodyKey(rawBody), rawBody,
                        "no messages or statuses in the body"))
                : items;
    }

    private List<InboundItem> splitChange(JsonNode change, String phoneNumberId) {
        JsonNode value = change.path("value");
        if (!MESSAGES_FIELD.equals(change.path("field").asText())) {
            String payload = change.toString();
            return List.of(InboundItem.skip(InboundKind.OTHER, Payloads.bodyKey(payload), payload,
                    "field '" + change.path("field").asText() + "' is not used"));
        }
        // One Meta app may serve several numbers: events of another number are not ours.
        String number = value.path("metadata").path("phone_number_id").asText();
        String foreign = number.equals(phoneNumberId) ? null
                : "for phone number id " + number + ", not this instance's";
        List<InboundItem> items = new ArrayList<>();
        for (JsonNode message : value.path("messages")) {
            items.add(item(InboundKind.MESSAGE, message.path("id").asText(),
                    messagePayload(value, message), foreign));
        }
        for (JsonNode status : value.path("statuses")) {
            String key = status.path("id").asText() + ":" + status.path("status").asText();
            items.add(item(InboundKind.STATUS, key, statusPayload(value, status), foreign));
        }
        return items;
    }

    private static InboundItem item(InboundKind kind, String key, String payload, String foreign) {
        return foreign == null ? InboundItem.apply(kind, Payloads.key(key), payload)
                : InboundItem.skip(kind, Payloads.key(key), payload, foreign);
    }

    /** The message with the sender's profile from the same change, which names it by wa_id. */
    private String messagePayload(JsonNode value, JsonNode message) {
        ObjectNode payload = json.createObjectNode();
        payload.set("metadata", value.path("metadata"));
        for (JsonNode contact : value.path("contacts")) {
            if (contact.path("wa_id").asText().equals(message.path("from").asText())) {
                payload.set("contact", contact);
            }
        }
        payload.set("message", message);
        return payload.toString();
    }

    private String statusPayload(JsonNode value, JsonNode status) {
        ObjectNode payload = json.createObjectNode();
        payload.set("metadata", value.path("metadata"));
        payload.set("status", status);
        return payload.toString();
    }

    @Override
    public InboundChange read(InboundKind kind, JsonNode payload, Instant receivedAt) {
        return switch (kind) {
            case MESSAGE -> readMessage(payload.path("message"), payload.path("contact"), receivedAt);
            case STATUS -> readStatus(payload.path("status"), receivedAt);
            default -> new InboundChange.Skip("not used");
        };
    }

    private InboundChange readMessage(JsonNode message, JsonNode contact, Instant receivedAt) {
        String type = message.path("type").asText("unknown");
        if (message.hasNonNull("group_id")) {
            return new InboundChange.Skip("group chats are not supported yet");
        }
        if ("system".equals(type)) {
            return new InboundChange.Skip("system message");
        }
        String text = "text".equals(type) ? Payloads.text(message.path("text").path("body"))
                : Payloads.placeholder(type);
        Instant sentAt = Payloads.firstTime(receivedAt, Payloads.unixTime(message.path("timestamp")));
        return new InboundChange.Received(new InboundText(message.path("id").asText(),
                message.path("from").asText(), Payloads.text(contact.path("profile").path("name")),
                type, text == null ? Payloads.placeholder(type) : text, sentAt));
    }

    private InboundChange readStatus(JsonNode status, Instant receivedAt) {
        MessageStatus reported = STATUSES.get(status.path("status").asText());
        if (reported == null) {
            return new InboundChange.Skip("status '" + status.path("status").asText() + "' is not used");
        }
        Instant at = Payloads.firstTime(receivedAt, Payloads.unixTime(status.path("timestamp")));
        String id = status.path("id").asText();
        if (reported != MessageStatus.FAILED) {
            return new InboundChange.Receipt(ProviderReceipt.of(id, reported, at));
        }
        JsonNode error = status.path("errors").path(0);
        String code = error.path("code").isMissingNode() ? "provider_failed" : error.path("code").asText();
        return new InboundChange.Receipt(new ProviderReceipt(id, reported, at, code, describe(error)));
    }

    private static String describe(JsonNode error) {
        String message = Payloads.text(error.path("message"));
        String details = Payloads.text(error.path("error_data").path("details"));
        if (message == null) {
            return details == null ? "The Cloud API reported the message as failed." : details;
        }
        return details == null || message.contains(details) ? message : message + ": " + details;
    }
}
