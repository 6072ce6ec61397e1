package dev.bouncer.host.instance;

import dev.bouncer.host.common.WireNameConverter;
import jakarta.persistence.Converter;

/** Stores instance statuses by their wire names. */
@Converter(autoApply = true)
class InstanceStatusConverter extends WireNameConverter<InstanceStatus> {

    InstanceStatusConverter() {
        super(InstanceStatus.class, InstanceStatus::wire);
    }
}
