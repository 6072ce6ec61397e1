package dev.bouncer.host.event;

import dev.bouncer.host.common.WireNameConverter;
import jakarta.persistence.Converter;

/** Stores event types by their wire names. */
@Converter(autoApply = true)
public class EventTypeConverter extends WireNameConverter<EventType> {

    public EventTypeConverter() {
        super(EventType.class, EventType::wire);
    }
}
