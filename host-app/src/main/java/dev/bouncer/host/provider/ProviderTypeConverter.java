package dev.bouncer.host.provider;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores provider types by their wire names. */
@Converter(autoApply = true)
public class ProviderTypeConverter implements AttributeConverter<ProviderType, String> {

    @Override
    public String convertToDatabaseColumn(ProviderType type) {
        return type == null ? null : type.wire();
    }

    @Override
    public ProviderType convertToEntityAttribute(String value) {
        return value == null ? null : ProviderType.fromWire(value).orElseThrow();
    }
}
