package dev.bouncer.host.event;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EventRepository extends JpaRepository<Event, String> {

    List<Event> findByWorkspaceIdAndTypeOrderByOccurredAtAscIdAsc(String workspaceId, EventType type);
}
