package dev.bouncer.host.provider;

/**
 * One text message on its way to a provider.
 *
 * @param messageId Bouncer's message id, for logs and provider-side correlation
 * @param recipient E.164 number, {@code +} and digits
 * @param text the message text
 */
public record OutboundText(String messageId, String recipient, String text) {

    /** The recipient without the plus sign, as WhatsApp ids are written. */
    public String recipientDigits() {
        return recipient.substring(1);
    }

    @Override
    public String toString() {
        return "OutboundText[messageId=" + messageId + "]";
    }
}
