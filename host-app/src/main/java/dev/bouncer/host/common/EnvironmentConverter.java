package dev.bouncer.host.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores environments by their wire names, so the database reads like the API. */
@Converter(autoApply = true)
public class EnvironmentConverter implements AttributeConverter<Environment, String> {

    @Override
    public String convertToDatabaseColumn(Environment environment) {
        return environment == null ? null : environment.wire();
    }

    @Override
    public Environment convertToEntityAttribute(String value) {
        return value == null ? null : Environment.fromWire(value).orElseThrow();
    }
}
