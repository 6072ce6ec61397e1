package dev.bouncer.host.message;

import dev.bouncer.host.common.PlainText;
import java.time.Instant;

/**
 * A message a contact sent, as a provider's webhook describes it.
 *
 * @param providerMessageId the provider's id of the message, unique per instance
 * @param from the sender in any notation a send's {@code to} accepts ({@code ...@c.us} too)
 * @param profileName the sender's WhatsApp profile name, or null
 * @param type {@code text}, or the provider's type such as {@code image}
 * @param text the text, or a placeholder such as {@code [image]} for other types
 * @param sentAt when the contact sent it, by the provider's clock
 */
public record InboundText(String providerMessageId, String from, String profileName, String type,
        String text, Instant sentAt) {

    public InboundText {
        text = text == null ? null : PlainText.clean(text);
    }

    /** Ids and type only: numbers, names and texts stay out of logs. */
    @Override
    public String toString() {
        return "InboundText[" + providerMessageId + ", " + type + "]";
    }
}
