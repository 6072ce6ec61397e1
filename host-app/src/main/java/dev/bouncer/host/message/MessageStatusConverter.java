package dev.bouncer.host.message;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores message statuses by their wire names. */
@Converter(autoApply = true)
class MessageStatusConverter implements AttributeConverter<MessageStatus, String> {

    @Override
    public String convertToDatabaseColumn(MessageStatus status) {
        return status == null ? null : status.wire();
    }

    @Override
    public MessageStatus convertToEntityAttribute(String value) {
        return value == null ? null : MessageStatus.fromWire(value);
    }
}
