package dev.bouncer.host.support;

import dev.bouncer.host.common.Ids;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes conversation rows past the application, to test what the schema itself refuses. */
public final class ConversationRows {

    private ConversationRows() {
    }

    public static void insert(JdbcTemplate jdbc, String workspaceId, String instanceId,
            String contactId, String status, String activeKey) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into conversation (id, workspace_id, environment, instance_id,"
                + " contact_id, status, active_key, created_at, updated_at, last_message_at)"
                + " values (?, ?, 'test', ?, ?, ?, ?, ?, ?, ?)", "conv_" + Ids.randomBase62(22),
                workspaceId, instanceId, contactId, status, activeKey, now, now, now);
    }
}
