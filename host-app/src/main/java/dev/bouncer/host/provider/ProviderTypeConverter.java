package dev.bouncer.host.provider;

import dev.bouncer.host.common.WireNameConverter;
import jakarta.persistence.Converter;

/** Stores provider types by their wire names. */
@Converter(autoApply = true)
public class ProviderTypeConverter extends WireNameConverter<ProviderType> {

    public ProviderTypeConverter() {
        super(ProviderType.class, ProviderType::wire);
    }
}
