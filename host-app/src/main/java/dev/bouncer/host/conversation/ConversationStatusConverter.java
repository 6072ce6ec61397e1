package dev.bouncer.host.conversation;

import dev.bouncer.host.common.WireNameConverter;
import jakarta.persistence.Converter;

/** Stores conversation statuses by their wire names. */
@Converter(autoApply = true)
class ConversationStatusConverter extends WireNameConverter<ConversationStatus> {

    ConversationStatusConverter() {
        super(ConversationStatus.class, ConversationStatus::wire);
    }
}
