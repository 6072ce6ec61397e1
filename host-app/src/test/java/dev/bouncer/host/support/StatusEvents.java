package dev.bouncer.host.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.event.Event;
import dev.bouncer.host.event.EventRepository;
import dev.bouncer.host.event.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;

/** Reads the {@code instance.status} events of one instance as "from -> to: reason". */
public final class StatusEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusEvents() {
    }

    public static List<String> of(EventRepository events, String instanceId) {
        List<String> changes = new ArrayList<>();
        for (Event event : events.findAll(Sort.by("occurredAt", "id"))) {
            JsonNode data = read(event.getDataJson());
            if (event.getType() == EventType.INSTANCE_STATUS
                    && data.path("instanceId").asText().equals(instanceId)) {
                changes.add(data.path("previousStatus").asText() + " -> "
                        + data.path("status").asText() + ": " + data.path("reason").asText());
            }
        }
        return changes;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
