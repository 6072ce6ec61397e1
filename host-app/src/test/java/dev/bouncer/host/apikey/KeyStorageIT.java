package dev.bouncer.host.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.common.Ids;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.HostAppIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database holds of a secret: for a key only its SHA-256 and a display hint, for a
 * provider token only ciphertext. Every stored value is scanned, not just the expected columns.
 */
class KeyStorageIT extends HostAppIT {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void storesNoKeyAndNoSecretPartInAnyColumnOfApiKey() {
        List<String> keys = List.of(createKey("test", "message:send"),
                createKey("live", "message:send", "instance:read"),
                createKey("test", "contact:read", "contact:write", "conversation:manage"));

        List<Map<String, Object>> rows = jdbc.queryForList("select * from api_key");

        assertThat(rows).hasSizeGreaterThanOrEqualTo(keys.size());
        for (Map<String, Object> row : rows) {
            for (Map.Entry<String, Object> column : row.entrySet()) {
                assertThat(containsAny(String.valueOf(column.getValue()), keysAndSecrets(keys)))
                        .as("api_key.%s holds a key or a key's secret part", column.getKey())
                        .isFalse();
            }
        }
    }

    @Test
    void storesTheKeysSha256InItsPlace() {
        String key = createKey("test", "message:send");

        List<String> hashes = jdbc.queryForList("select secret_hash from api_key_secret",
                String.class);

        assertThat(hashes).contains(ApiKeyFormat.hash(key));
    }

    @Test
    void storesNoKeyAndNoHashInTheAuditLog() {
        JsonNode key = newKey("test", "instance:read");
        String id = key.path("id").asText();
        String created = key.path("key").asText();
        String rolled = roll(id, "0s");
        api().get("/api/v1/instances", ApiClient.bearer(created));
        api().delete("/api/v1/developer/keys/" + id, owner());
        List<String> hashes = jdbc.queryForList(
                "select secret_hash from api_key_secret where key_id = ?", String.class, id);

        List<String> details = jdbc.queryForList(
                "select details from audit_event where key_id = ?", String.class, id);

        assertThat(hashes).hasSize(2);
        assertThat(details).hasSizeGreaterThanOrEqualTo(3);
        List<String> forbidden = new ArrayList<>(keysAndSecrets(List.of(created, rolled)));
        forbidden.addAll(hashes);
        assertThat(details).noneMatch(value -> containsAny(value, forbidden));
    }

    @Test
    void storesNoKeyInAnyTextColumnOfAnyTable() {
        JsonNode rolledKey = newKey("live", "instance:read");
        List<String> keys = List.of(createKey("test", "message:send", "instance:read"),
                rolledKey.path("key").asText(), roll(rolledKey.path("id").asText(), "1h"));
        send(keys.get(0), sandboxInstanceId(keys.get(0)), "+4915112345678", "Stored beside keys");

        List<String> leaks = textColumnsContaining(keysAndSecrets(keys));

        assertThat(leaks).as("text columns that hold a key or its secret part").isEmpty();
    }

    @Test
    void storesTheInstanceAccessTokenOnlyEncrypted() {
        String token = "EAAG" + Ids.randomBase62(80);
        registerCloudInstance("100000000000077", token);

        List<String> leaks = textColumnsContaining(List.of(token));
        List<String> ciphertexts = jdbc.queryForList(
                "select secrets_ciphertext from instance where secrets_ciphertext is not null",
                String.class);

        assertThat(leaks).as("text columns that hold the access token in plain text").isEmpty();
        assertThat(ciphertexts).isNotEmpty()
                .allSatisfy(value -> assertThat(value).startsWith("v1:"));
    }

    /** Creates a key and answers its id and full key. */
    private JsonNode newKey(String environment, String permission) {
        JsonNode created = api().postJson("/api/v1/developer/keys", owner(), "{\"name\":\"stored\","
                + "\"environment\":\"" + environment + "\",\"permissions\":[\"" + permission + "\"]}")
                .json();
        assertThat(created.path("key").asText()).startsWith("bnc_");
        return created;
    }

    private String roll(String keyId, String gracePeriod) {
        return api().postJson("/api/v1/developer/keys/" + keyId + "/roll", owner(),
                "{\"gracePeriod\":\"" + gracePeriod + "\"}").json().path("key").asText();
    }

    /** Every table and column of the schema holding a value that contains one of the secrets. */
    private List<String> textColumnsContaining(List<String> secrets) {
        List<Map<String, Object>> columns = jdbc.queryForList(
                "select table_name, column_name from information_schema.columns"
                        + " where table_schema = current_schema"
                        + " and upper(data_type) in ('CHARACTER VARYING', 'VARCHAR', 'CHARACTER',"
                        + " 'CHARACTER LARGE OBJECT', 'CLOB', 'TEXT')");
        assertThat(columns).as("text columns found in the schema").hasSizeGreaterThan(10);
        List<String> leaks = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = String.valueOf(column.get("TABLE_NAME"));
            String name = String.valueOf(column.get("COLUMN_NAME"));
            List<String> values = jdbc.queryForList(
                    "select \"" + name + "\" from \"" + table + "\"", String.class);
            if (values.stream().anyMatch(value -> value != null && containsAny(value, secrets))) {
                leaks.add(table + "." + name);
            }
        }
        return leaks;
    }

    /** Each full key and its secret part, the characters after {@code bnc_<env>_}. */
    private static List<String> keysAndSecrets(List<String> keys) {
        List<String> secrets = new ArrayList<>(keys);
        keys.forEach(key -> secrets.add(key.substring(key.indexOf('_', 4) + 1)));
        return secrets;
    }

    private static boolean containsAny(String value, List<String> secrets) {
        return secrets.stream().anyMatch(value::contains);
    }
}
