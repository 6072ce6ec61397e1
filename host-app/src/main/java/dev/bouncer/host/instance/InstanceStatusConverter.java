package dev.bouncer.host.instance;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores instance statuses by their wire names. */
@Converter(autoApply = true)
class InstanceStatusConverter implements AttributeConverter<InstanceStatus, String> {

    @Override
    public String convertToDatabaseColumn(InstanceStatus status) {
        return status == null ? null : status.wire();
    }

    @Override
    public InstanceStatus convertToEntityAttribute(String value) {
        return value == null ? null : InstanceStatus.fromWire(value);
    }
}
