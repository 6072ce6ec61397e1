package dev.bouncer.host.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V4 moves every key's hash into {@code api_key_secret} and names its creator, on H2 and on
 * PostgreSQL alike: keys made before the upgrade keep their one secret, without an end.
 */
class KeySecretsMigrationIT {

    private static final String LEGACY_HASH = "ab".repeat(32);
    private static final Instant CREATED_AT = Instant.parse("2026-11-30T08:00:00.123456Z");

    @Test
    void movesExistingHashesOnH2() {
        DriverManagerDataSource h2 = new DriverManagerDataSource(
                "jdbc:h2:mem:v4-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");

        migrateWithALegacyKey(h2);

        assertLegacyKeyMoved(new JdbcTemplate(h2));
    }

    @Test
    void movesExistingHashesOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();

            migrateWithALegacyKey(database);

            assertLegacyKeyMoved(new JdbcTemplate(database));
        }
    }

    private static void migrateWithALegacyKey(DataSource database) {
        flyway(database, "3").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        Timestamp at = Timestamp.from(CREATED_AT);
        jdbc.update("insert into workspace (id, name, created_at) values ('ws_1', 'default', ?)", at);
        jdbc.update("insert into workspace_owner (id, workspace_id, email, password_hash, created_at)"
                + " values ('own_1', 'ws_1', 'owner@example.test', '{noop}x', ?)", at);
        jdbc.update("insert into api_key (id, workspace_id, name, environment, permissions,"
                + " secret_hash, display_prefix, display_suffix, created_at)"
                + " values ('key_1', 'ws_1', 'old', 'test', 'message:send', ?, 'bnc_test_', 'v3OS', ?)",
                LEGACY_HASH, at);

        flyway(database, "4").migrate();
    }

    private static void assertLegacyKeyMoved(JdbcTemplate jdbc) {
        List<Map<String, Object>> secrets = jdbc.queryForList(
                "select secret_hash, key_id, created_at, expires_at from api_key_secret");
        List<String> keyColumns = jdbc.queryForList("select lower(column_name) from"
                + " information_schema.columns where lower(table_name) = 'api_key'", String.class);

        assertThat(secrets).hasSize(1);
        // Column names are case-insensitive in the rows JdbcTemplate answers.
        Map<String, Object> secret = secrets.get(0);
        assertThat(secret.get("secret_hash")).isEqualTo(LEGACY_HASH);
        assertThat(secret.get("key_id")).isEqualTo("key_1");
        assertThat(secret.get("expires_at")).isNull();
        assertThat(jdbc.queryForObject("select created_at from api_key_secret",
                OffsetDateTime.class).toInstant()).isEqualTo(CREATED_AT);
        assertThat(jdbc.queryForObject("select created_by from api_key", String.class))
                .isEqualTo("owner@example.test");
        assertThat(keyColumns).doesNotContain("secret_hash").contains("created_by");
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class)).isZero();
    }

    private static Flyway flyway(DataSource database, String target) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .target(target).load();
    }
}
