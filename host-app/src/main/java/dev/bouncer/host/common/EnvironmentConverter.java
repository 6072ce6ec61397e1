package dev.bouncer.host.common;

import jakarta.persistence.Converter;

/** Stores environments by their wire names. */
@Converter(autoApply = true)
public class EnvironmentConverter extends WireNameConverter<Environment> {

    public EnvironmentConverter() {
        super(Environment.class, Environment::wire);
    }
}
