package dev.bouncer.host.inbound;

import dev.bouncer.host.common.WireNameConverter;
import jakarta.persistence.Converter;

/** Stores the inbound enums by their wire names. */
final class InboundConverters {

    private InboundConverters() {
    }

    @Converter(autoApply = true)
    static class KindConverter extends WireNameConverter<InboundKind> {

        KindConverter() {
            super(InboundKind.class, InboundKind::wire);
        }
    }

    @Converter(autoApply = true)
    static class StatusConverter extends WireNameConverter<InboundEventStatus> {

        StatusConverter() {
            super(InboundEventStatus.class, InboundEventStatus::wire);
        }
    }
}
