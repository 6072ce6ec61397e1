package dev.bouncer.host.audit;

import dev.bouncer.host.common.WireNameConverter;
import jakarta.persistence.Converter;

/** Stores audit actions by their wire names. */
@Converter(autoApply = true)
class AuditActionConverter extends WireNameConverter<AuditAction> {

    AuditActionConverter() {
        super(AuditAction.class, AuditAction::wire);
    }
}
