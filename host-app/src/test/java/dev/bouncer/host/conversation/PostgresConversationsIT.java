package dev.bouncer.host.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.common.Ids;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.ContactRace;
import dev.bouncer.host.support.ConversationRows;
import dev.bouncer.host.support.EmbeddedPostgresConfig;
import dev.bouncer.host.support.HostAppIT;
import dev.bouncer.host.support.Tenant;
import dev.bouncer.host.workspace.WorkspaceService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Contacts and conversations on PostgreSQL: the migration, the constraints that keep one active
 * conversation per instance and contact, and the lost races on a new number, where PostgreSQL
 * aborts the transaction of the failed insert.
 */
@Import(EmbeddedPostgresConfig.class)
class PostgresConversationsIT extends HostAppIT {

    @Autowired
    private WorkspaceService workspaces;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    private Tenant tenant;
    private String key;
    private String sandbox;

    @BeforeEach
    void ownWorkspace() {
        tenant = Tenant.create(workspaces);
        key = createKeyAs(tenant.ownerAuthorization(), "test", "message:send", "instance:read",
                "conversation:manage", "contact:read", "contact:write");
        sandbox = sandboxInstanceId(key);
    }

    @Test
    void theSchemaAllowsOneActiveConversationPerInstanceAndContact() {
        send(key, sandbox, "+15550103001", "Hi");
        String contactId = jdbc.queryForObject("select contact_id from conversation where"
                + " workspace_id = ?", String.class, tenant.workspaceId());
        String activeKey = sandbox + ":" + contactId;

        assertThat(jdbc.queryForObject("select version() ", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("select success from flyway_schema_history where version = '5'",
                Boolean.class)).isTrue();
        assertThatThrownBy(() -> insertConversation(contactId, "open", activeKey))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertConversation(contactId, "closed", activeKey))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertConversation(contactId, "pending", null))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertConversation(contactId, "open", contactId + ":" + sandbox))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertConversation(contactId, "snoozed", null))
                .isInstanceOf(DataIntegrityViolationException.class);
        insertConversation(contactId, "closed", null);
        insertConversation(contactId, "closed", null);
    }

    @Test
    void closingFreesTheActiveKeyForTheNextConversation() {
        send(key, sandbox, "+15550103002", "Hi");
        String closed = conversationIds().get(0);

        ApiClient.Response closing = api().patchJson("/api/v1/conversations/" + closed,
                ApiClient.bearer(key), "{\"status\":\"closed\"}");
        send(key, sandbox, "+15550103002", "New topic");

        assertThat(closing.status()).isEqualTo(200);
        assertThat(conversationIds()).hasSize(2).contains(closed);
        assertThat(jdbc.queryForList("select status from conversation where workspace_id = ?"
                + " order by created_at", String.class, tenant.workspaceId()))
                .containsExactly("closed", "open");
    }

    @Test
    void concurrentUpsertsOfOneNewNumberCreateOneContact() {
        HttpClient http = HttpClient.newHttpClient();

        List<HttpResponse<String>> answers = IntStream.range(0, 8)
                .mapToObj(i -> http.sendAsync(post("/api/v1/contacts",
                        "{\"phone\":\"+15550103003\",\"name\":\"Name " + i + "\"}"),
                        HttpResponse.BodyHandlers.ofString()))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 200);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 201).hasSize(1);
        assertThat(count("select count(*) from contact where workspace_id = ?")).isEqualTo(1);
    }

    @Test
    void anUpsertAndASendThatLoseTheRaceForANewNumberUseTheWinnersContact() {
        String upserted = raceFor("+15550103004", post("/api/v1/contacts",
                "{\"phone\":\"+15550103004\",\"name\":\"Late\"}"), 200);
        String sent = raceFor("+15550103005", post("/api/v1/messages/send", "{\"instanceId\":\""
                + sandbox + "\",\"to\":\"+15550103005\",\"message\":\"Raced\"}"), 202);

        assertThat(upserted).startsWith("ct_");
        assertThat(jdbc.queryForObject("select name from contact where id = ?", String.class,
                upserted)).isEqualTo("Late");
        assertThat(jdbc.queryForObject("select contact_id from conversation where workspace_id = ?",
                String.class, tenant.workspaceId())).isEqualTo(sent);
    }

    @Test
    void concurrentSendsToANewNumberShareOneContactAndOneConversation() {
        HttpClient http = HttpClient.newHttpClient();

        List<HttpResponse<String>> answers = IntStream.range(0, 8)
                .mapToObj(i -> http.sendAsync(post("/api/v1/messages/send", "{\"instanceId\":\""
                        + sandbox + "\",\"to\":\"+15550103006\",\"message\":\"Parallel " + i + "\"}"),
                        HttpResponse.BodyHandlers.ofString()))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(202);
        assertThat(count("select count(*) from contact where workspace_id = ?")).isEqualTo(1);
        assertThat(count("select count(*) from conversation where workspace_id = ?")).isEqualTo(1);
    }

    @Test
    void listsAndSearchesOnPostgresql() {
        List.of("+15550103010", "+15550103011", "+15550103012")
                .forEach(number -> send(key, sandbox, number, "Hi"));
        api().postJson("/api/v1/contacts", ApiClient.bearer(key),
                "{\"phone\":\"+15550103010\",\"name\":\"Ana_Lima\"}");

        JsonNode firstPage = api().get("/api/v1/conversations?limit=2", ApiClient.bearer(key)).json();
        JsonNode lastPage = api().get("/api/v1/conversations?limit=2&cursor="
                + firstPage.path("nextCursor").asText(), ApiClient.bearer(key)).json();
        JsonNode found = api().get("/api/v1/contacts?q=ANA_&updatedSince=2020-01-01T00:00:00Z",
                ApiClient.bearer(key)).json();

        assertThat(firstPage.path("data")).hasSize(2);
        assertThat(lastPage.path("data")).hasSize(1);
        assertThat(lastPage.path("nextCursor").isNull()).isTrue();
        assertThat(found.path("data").findValuesAsText("phone")).containsExactly("+15550103010");
    }

    /** Lets the request lose the race for the number; returns the winner's contact id. */
    private String raceFor(String phone, HttpRequest request, int expectedStatus) {
        String winner = "ct_" + Ids.randomBase62(22);
        ContactRace race = ContactRace.holdInsert(transactions, jdbc, tenant.workspaceId(), winner,
                phone);

        CompletableFuture<HttpResponse<String>> loser = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString());
        race.awaitInsertOf(loser);
        race.commit();

        HttpResponse<String> answer = loser.join();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expectedStatus);
        return winner;
    }

    private void insertConversation(String contactId, String status, String activeKey) {
        ConversationRows.insert(jdbc, tenant.workspaceId(), sandbox, contactId, status, activeKey);
    }

    private List<String> conversationIds() {
        return api().get("/api/v1/conversations", ApiClient.bearer(key)).json().path("data")
                .findValuesAsText("id");
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", ApiClient.bearer(key))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class, tenant.workspaceId());
    }
}
