package dev.bouncer.host.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.common.Environment;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records events. It joins the caller's transaction and refuses to run without one: an event
 * must commit or roll back together with the change it reports.
 */
@Service
public class EventLog {

    private final EventRepository events;
    private final ObjectMapper json;
    private final Clock clock;

    EventLog(EventRepository events, ObjectMapper json, Clock clock) {
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Event record(String workspaceId, Environment environment, EventType type,
            Map<String, ?> data) {
        return events.save(new Event(workspaceId, environment, type, write(data), clock.instant()));
    }

    private String write(Map<String, ?> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data must be plain JSON values", e);
        }
    }
}
