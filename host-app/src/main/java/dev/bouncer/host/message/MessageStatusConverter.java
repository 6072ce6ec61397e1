package dev.bouncer.host.message;

import dev.bouncer.host.common.WireNameConverter;
import jakarta.persistence.Converter;

/** Stores message statuses by their wire names. */
@Converter(autoApply = true)
class MessageStatusConverter extends WireNameConverter<MessageStatus> {

    MessageStatusConverter() {
        super(MessageStatus.class, MessageStatus::wire);
    }
}
