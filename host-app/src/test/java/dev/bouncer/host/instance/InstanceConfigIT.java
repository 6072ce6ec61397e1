package dev.bouncer.host.instance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.HostAppIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Registering Evolution API and WAHA instances and changing an instance's config: every bad
 * field named at once, nothing stored on a refusal, secrets encrypted and never shown.
 */
class InstanceConfigIT extends HostAppIT {

    private static final String INSTANCES = "/api/v1/developer/instances";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void refusesAnEvolutionInstanceWithoutItsFieldsNamingEachOne() {
        long before = rows();

        ApiClient.Response response = register("evolution", "{}");

        assertThat(invalidFields(response))
                .containsOnlyKeys("config.baseUrl", "config.instanceName", "config.apiKey");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void refusesAnInvalidEvolutionConfigNamingEveryField() {
        long before = rows();

        ApiClient.Response response = register("evolution", "{\"baseUrl\":\"ftp://evo.example.test\","
                + "\"instanceName\":\" \",\"apiKey\":\"key with spaces\",\"webhookSecret\":\"short\","
                + "\"colour\":\"red\"}");

        Map<String, String> errors = invalidFields(response);
        assertThat(errors).containsOnlyKeys("config.baseUrl", "config.instanceName", "config.apiKey",
                "config.webhookSecret", "config.colour");
        assertThat(errors.get("config.webhookSecret")).contains("16");
        assertThat(response.body()).doesNotContain("key with spaces");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void refusesAnInvalidWahaConfigNamingEveryField() {
        long before = rows();

        ApiClient.Response response = register("waha", "{\"baseUrl\":\"waha.example.test\","
                + "\"session\":\"no/slashes\",\"apiKey\":42,\"webhookHmacKey\":\"tiny\"}");

        assertThat(invalidFields(response)).containsOnlyKeys("config.baseUrl", "config.session",
                "config.apiKey", "config.webhookHmacKey");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void refusesEvolutionAndWahaForTestInstances() {
        ApiClient.Response evolution = api().postJson(INSTANCES, owner(), "{\"name\":\"T\","
                + "\"environment\":\"test\",\"provider\":\"evolution\",\"config\":{}}");

        assertThat(invalidFields(evolution)).containsKey("provider");
    }

    @Test
    void storesSecretsEncryptedAndNeverShowsThem() {
        String apiKey = "synthetic-evo-secret-" + System.nanoTime();
        String webhookSecret = "synthetic-webhook-secret-" + System.nanoTime();
        String wahaKey = "synthetic-waha-secret-" + System.nanoTime();
        String hmacKey = "synthetic-hmac-secret-" + System.nanoTime();

        ApiClient.Response evolution = register("evolution", "{\"baseUrl\":\"https://evo.example.test/\","
                + "\"instanceName\":\"acme\",\"apiKey\":\"" + apiKey + "\",\"webhookSecret\":\""
                + webhookSecret + "\"}");
        ApiClient.Response waha = register("waha", "{\"baseUrl\":\"https://waha.example.test\","
                + "\"apiKey\":\"" + wahaKey + "\",\"webhookHmacKey\":\"" + hmacKey + "\"}");
        String evolutionId = evolution.json().path("id").asText();
        List<ApiClient.Response> answers = List.of(evolution, waha, api().get(INSTANCES, owner()),
                api().get(INSTANCES + "/" + evolutionId, owner()),
                api().patchJson(INSTANCES + "/" + evolutionId, owner(), "{\"name\":\"Renamed\"}"));

        assertThat(evolution.status()).as(evolution.toString()).isEqualTo(201);
        assertThat(evolution.json().path("config"))
                .isEqualTo(json("{\"baseUrl\":\"https://evo.example.test\",\"instanceName\":\"acme\"}"));
        assertThat(waha.json().path("config"))
                .isEqualTo(json("{\"baseUrl\":\"https://waha.example.test\",\"session\":\"default\"}"));
        List<String> secrets = List.of(apiKey, webhookSecret, wahaKey, hmacKey);
        for (ApiClient.Response answer : answers) {
            assertThat(answer.status()).isLessThan(300);
            assertThat(secrets).noneMatch(answer.body()::contains);
        }
        assertThat(textInDatabase()).noneMatch(value -> secrets.stream().anyMatch(value::contains));
    }

    @Test
    void changesTheNameAndKeepsTheConfig() {
        String id = registerWaha("synthetic-waha-rename-0001");

        ApiClient.Response changed = api().patch(INSTANCES + "/" + id, owner(),
                "application/merge-patch+json", "{\"name\":\"  Sales line  \"}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("name").asText()).isEqualTo("Sales line");
        assertThat(changed.json().path("config").path("session").asText()).isEqualTo("default");
    }

    @Test
    void replacesTheGivenConfigFieldsAndKeepsTheOthers() {
        String id = registerEvolutionAt("https://evo.example.test", "acme", "synthetic-evo-old-0001");

        ApiClient.Response changed = api().patchJson(INSTANCES + "/" + id, owner(),
                "{\"config\":{\"apiKey\":\"synthetic-evo-new-0001\","
                        + "\"webhookSecret\":\"synthetic-webhook-secret-0001\"}}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("config")).isEqualTo(
                json("{\"baseUrl\":\"https://evo.example.test\",\"instanceName\":\"acme\"}"));
        assertThat(changed.body()).doesNotContain("synthetic-evo-new-0001");
        assertThat(textInDatabase()).noneMatch(value -> value.contains("synthetic-evo-new-0001"));
    }

    @Test
    void renewedApiKeyIsWhatTheNextSendUses() {
        String path = "/message/sendText/renewed";
        PROVIDER.on(path, 201, "{\"key\":{\"id\":\"BAE5RENEWED0001\"}}");
        String id = registerEvolutionAt(PROVIDER.baseUrl(), "renewed", "synthetic-evo-old-0002");
        String key = createKey("live", "message:send");

        api().patchJson(INSTANCES + "/" + id, owner(), "{\"config\":{\"apiKey\":\"synthetic-evo-new-0002\"}}");
        String messageId = send(key, id, "+15550100001", "Hello").json().path("id").asText();

        awaitStatus(key, messageId, "sent");
        assertThat(PROVIDER.requestsTo(path).get(0).header("apikey")).isEqualTo("synthetic-evo-new-0002");
    }

    @Test
    void removesAnOptionalSecretGivenAsNull() {
        String path = "/message/sendText/no-secret";
        PROVIDER.on(path, 201, "{\"key\":{\"id\":\"BAE5NOSECRET0001\"}}");
        String id = registerEvolutionAt(PROVIDER.baseUrl(), "no-secret", "synthetic-evo-key-0003");
        ApiClient.Response set = api().patchJson(INSTANCES + "/" + id, owner(),
                "{\"config\":{\"webhookSecret\":\"synthetic-webhook-secret-0003\"}}");

        ApiClient.Response cleared = api().patchJson(INSTANCES + "/" + id, owner(),
                "{\"config\":{\"webhookSecret\":null}}");
        ApiClient.Response requiredCleared = api().patchJson(INSTANCES + "/" + id, owner(),
                "{\"config\":{\"apiKey\":null}}");

        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(invalidFields(requiredCleared)).containsOnlyKeys("config.apiKey");
        assertThat(set.json().path("secretsSet").toString()).isEqualTo("[\"apiKey\",\"webhookSecret\"]");
        assertThat(set.body()).doesNotContain("synthetic-webhook-secret-0003", "synthetic-evo-key-0003");
        assertThat(cleared.json().path("secretsSet").toString()).isEqualTo("[\"apiKey\"]");
        assertThat(cleared.json().path("webhookPath").asText()).isEqualTo("/webhooks/providers/" + id);
    }

    @Test
    void refusesAChangeNamingEveryBadFieldAndChangesNothing() {
        String id = registerEvolutionAt("https://evo.example.test", "acme", "synthetic-evo-key-0004");
        String stored = storedRow(id);

        ApiClient.Response response = api().patchJson(INSTANCES + "/" + id, owner(),
                "{\"name\":\"\",\"provider\":\"waha\",\"environment\":\"test\",\"colour\":\"red\","
                        + "\"config\":{\"baseUrl\":\"not a url\",\"apiKey\":\"\",\"session\":\"x\"}}");

        assertThat(invalidFields(response)).containsOnlyKeys("name", "provider", "environment",
                "colour", "config.baseUrl", "config.apiKey", "config.session");
        assertThat(storedRow(id)).isEqualTo(stored);
    }

    @Test
    void acceptsTheCurrentProviderAndEnvironmentUnchanged() {
        String id = registerWaha("synthetic-waha-same-0001");

        ApiClient.Response response = api().patchJson(INSTANCES + "/" + id, owner(),
                "{\"provider\":\"waha\",\"environment\":\"live\",\"name\":\"Same\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void refusesAnEmptyChangeAndAConfigThatIsNotAnObject() {
        String id = registerWaha("synthetic-waha-empty-0001");

        ApiClient.Response empty = api().patchJson(INSTANCES + "/" + id, owner(), "{}");
        ApiClient.Response notObject = api().patchJson(INSTANCES + "/" + id, owner(), "{\"config\":\"x\"}");

        assertThat(invalidFields(empty)).containsOnlyKeys("body");
        assertThat(invalidFields(notObject)).containsOnlyKeys("config");
    }

    @Test
    void answersNotFoundForAnUnknownInstance() {
        ApiClient.Response response = api().patchJson(INSTANCES + "/ins_0000000000000000000000", owner(),
                "{\"name\":\"x\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("code").asText()).isEqualTo("not_found");
    }

    @Test
    void anotherWorkspacesOwnerCannotChangeTheInstance() {
        String id = registerWaha("synthetic-waha-tenant-0001");
        String email = "tenant-" + System.nanoTime() + "@example.test";
        ApiClient.Response created = api().postJson("/api/v1/developer/workspaces", owner(),
                "{\"name\":\"Config tenant " + System.nanoTime() + "\",\"ownerEmail\":\"" + email
                        + "\",\"ownerPassword\":\"another long passphrase\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        ApiClient.Response response = api().patchJson(INSTANCES + "/" + id,
                ApiClient.basic(email, "another long passphrase"), "{\"name\":\"Taken over\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(api().get(INSTANCES + "/" + id, owner()).json().path("name").asText())
                .isEqualTo("Gateway number");
    }

    @Test
    void refusesAnApiKeyOnTheDeveloperEndpoint() {
        String id = registerWaha("synthetic-waha-auth-0001");
        String key = createKey("live", "instance:read");

        ApiClient.Response response = api().patchJson(INSTANCES + "/" + id, ApiClient.bearer(key),
                "{\"name\":\"x\"}");

        assertThat(response.status()).isEqualTo(401);
    }

    private ApiClient.Response register(String provider, String config) {
        return api().postJson(INSTANCES, owner(), "{\"name\":\"Gateway\",\"environment\":\"live\","
                + "\"provider\":\"" + provider + "\",\"config\":" + config + "}");
    }

    private String registerWaha(String apiKey) {
        return registerLiveInstance("waha", "{\"baseUrl\":\"https://waha.example.test\","
                + "\"apiKey\":\"" + apiKey + "\"}");
    }

    private String registerEvolutionAt(String baseUrl, String instanceName, String apiKey) {
        return registerLiveInstance("evolution", "{\"baseUrl\":\"" + baseUrl + "\",\"instanceName\":\""
                + instanceName + "\",\"apiKey\":\"" + apiKey + "\"}");
    }

    private static Map<String, String> invalidFields(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().path("code").asText()).isEqualTo("validation_failed");
        Map<String, String> errors = new LinkedHashMap<>();
        response.json().path("errors").forEach(error ->
                errors.put(error.path("field").asText(), error.path("message").asText()));
        return errors;
    }

    private long rows() {
        return jdbc.queryForObject("select count(*) from instance", Long.class);
    }

    private String storedRow(String id) {
        return jdbc.queryForMap("select name, settings_json, secrets_ciphertext, updated_at"
                + " from instance where id = ?", id).toString();
    }

    /** Every value of every column of every table, as text. */
    private List<String> textInDatabase() {
        List<String> values = new ArrayList<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables"
                + " where table_schema = current_schema and table_type = 'BASE TABLE'", String.class)) {
            jdbc.queryForList("select * from \"" + table + "\"")
                    .forEach(row -> row.values().forEach(value -> values.add(String.valueOf(value))));
        }
        assertThat(values).as("values found in the database").hasSizeGreaterThan(100);
        return values;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
