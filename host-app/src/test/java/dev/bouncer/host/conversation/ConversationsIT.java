package dev.bouncer.host.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.Ids;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.ContactRace;
import dev.bouncer.host.support.ConversationRows;
import dev.bouncer.host.support.HostAppIT;
import dev.bouncer.host.support.Tenant;
import dev.bouncer.host.workspace.WorkspaceService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Conversations: opened and joined by sends, changed by PATCH, reopened by inbound messages. */
class ConversationsIT extends HostAppIT {

    private static final String CONVERSATIONS = "/api/v1/conversations";

    @Autowired
    private WorkspaceService workspaces;

    @Autowired
    private ConversationService conversations;

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
                "conversation:manage", "contact:read");
        sandbox = sandboxInstanceId(key);
    }

    // Opening and joining

    @Test
    void theFirstSendOpensAConversationAndTheNextJoinsIt() {
        String first = accepted(send(key, sandbox, "+49 151 1234-5678", "Hello"));
        String second = accepted(send(key, sandbox, "4915112345678@s.whatsapp.net", "Again"));

        JsonNode listed = get(CONVERSATIONS).json().path("data");
        assertThat(listed).hasSize(1);
        JsonNode conversation = listed.path(0);
        assertThat(conversation.path("id").asText()).startsWith("conv_");
        assertThat(conversation.path("status").asText()).isEqualTo("open");
        assertThat(conversation.path("instanceId").asText()).isEqualTo(sandbox);
        assertThat(conversation.path("assignee").isNull()).isTrue();

        JsonNode detail = detail(conversation.path("id").asText());
        assertThat(detail.path("contact").path("id")).isEqualTo(conversation.path("contactId"));
        assertThat(detail.path("contact").path("phone").asText()).isEqualTo("+4915112345678");
        assertThat(detail.path("contact").path("name").isNull()).isTrue();
        assertThat(detail.path("messages").findValuesAsText("id")).containsExactly(second, first);
        JsonNode newest = detail.path("messages").path(0);
        assertThat(newest.path("direction").asText()).isEqualTo("outbound");
        assertThat(newest.path("to").asText()).isEqualTo("+4915112345678");
        assertThat(newest.path("text").asText()).isEqualTo("Again");
        assertThat(newest.path("status").asText()).isNotBlank();
        assertThat(newest.path("createdAt").asText()).isNotBlank();
        assertThat(detail.path("lastMessageAt").asText()).isEqualTo(newest.path("createdAt").asText());
        assertThat(jdbc.queryForList("select conversation_id || ' ' || contact_id from outbox_message"
                + " where id in (?, ?)", String.class, first, second)).containsOnly(
                conversation.path("id").asText() + " " + conversation.path("contactId").asText());
    }

    @Test
    void aSendCreatesTheRecipientsContactOnce() {
        send(key, sandbox, "+15550102001", "One");
        send(key, sandbox, "+1 555 010 2001", "Two");

        JsonNode contacts = get("/api/v1/contacts?q=15550102001").json().path("data");

        assertThat(contacts).hasSize(1);
        assertThat(contacts.path(0).path("phone").asText()).isEqualTo("+15550102001");
    }

    @Test
    void theDetailShowsTheNewestTwentyMessages() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            sent.add(accepted(send(key, sandbox, "+15550102002", "Message " + i)));
        }

        JsonNode detail = detail(onlyConversation());

        List<String> newestTwenty = new ArrayList<>(sent.subList(2, 22));
        Collections.reverse(newestTwenty);
        assertThat(detail.path("messages").findValuesAsText("id"))
                .containsExactlyElementsOf(newestTwenty);
    }

    @Test
    void concurrentSendsToANewNumberShareOneContactAndOneConversation() {
        HttpClient http = HttpClient.newHttpClient();

        List<HttpResponse<String>> answers = IntStream.range(0, 8)
                .mapToObj(i -> http.sendAsync(sendRequest("+15550102003", "Parallel " + i),
                        HttpResponse.BodyHandlers.ofString()))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(202);
        assertThat(count("select count(*) from contact where workspace_id = ?")).isEqualTo(1);
        assertThat(count("select count(*) from conversation where workspace_id = ?")).isEqualTo(1);
        assertThat(count("select count(distinct conversation_id) from outbox_message"
                + " where workspace_id = ? and conversation_id is not null")).isEqualTo(1);
    }

    @Test
    void aSendThatLosesTheRaceForANewNumberUsesTheWinnersContact() {
        String winner = "ct_" + Ids.randomBase62(22);
        ContactRace race = ContactRace.holdInsert(transactions, jdbc, tenant.workspaceId(), winner,
                "+15550102008");

        CompletableFuture<HttpResponse<String>> loser = HttpClient.newHttpClient().sendAsync(
                sendRequest("+15550102008", "Raced"), HttpResponse.BodyHandlers.ofString());
        race.awaitInsertOf(loser);
        race.commit();

        HttpResponse<String> answer = loser.join();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(detail(onlyConversation()).path("contact").path("id").asText()).isEqualTo(winner);
    }

    @Test
    void aReplayedSendTouchesNoConversation() {
        String body = "{\"instanceId\":\"" + sandbox + "\",\"to\":\"+15550102004\",\"message\":\"Once\"}";
        HttpResponse<String> first = sendWithIdempotencyKey(body, "order-7");
        JsonNode before = detail(onlyConversation());

        HttpResponse<String> replay = sendWithIdempotencyKey(body, "order-7");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        JsonNode after = detail(onlyConversation());
        assertThat(after.path("updatedAt")).isEqualTo(before.path("updatedAt"));
        assertThat(after.path("lastMessageAt")).isEqualTo(before.path("lastMessageAt"));
        assertThat(after.path("messages")).hasSize(1);
    }

    @Test
    void aRefusedSendCreatesNoContactAndNoConversation() {
        ApiClient.Response throttled = api().put("/api/v1/developer/instances/" + sandbox
                + "/throttling", tenant.ownerAuthorization(),
                "{\"mode\":\"fixed\",\"minDelay\":\"1h\",\"maxQueue\":1}");
        awaitStatus(key, accepted(send(key, sandbox, "+15550102005", "Goes out")), "delivered");
        accepted(send(key, sandbox, "+15550102005", "Waits an hour"));

        ApiClient.Response full = send(key, sandbox, "+15550102006", "No room");
        ApiClient.Response unknown = send(key, "ins_0000000000000000000000", "+15550102007", "Nowhere");

        assertThat(throttled.status()).as(throttled.toString()).isEqualTo(200);
        assertThat(full.status()).as(full.toString()).isEqualTo(429);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(count("select count(*) from contact where workspace_id = ?")).isEqualTo(1);
        assertThat(count("select count(*) from conversation where workspace_id = ?")).isEqualTo(1);
    }

    // Changing a conversation

    @Test
    void patchChangesStatusAndAssigneeAndUnassigns() {
        send(key, sandbox, "+15550102010", "Hi");
        String id = onlyConversation();

        ApiClient.Response pending = patch(id, "{\"status\":\"pending\",\"assignee\":\" ana@team \"}");
        ApiClient.Response unassigned = patch(id, "{\"assignee\":null}");

        assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
        assertThat(pending.json().path("status").asText()).isEqualTo("pending");
        assertThat(pending.json().path("assignee").asText()).isEqualTo("ana@team");
        assertThat(pending.json().path("messages")).hasSize(1);
        assertThat(unassigned.json().path("status").asText()).isEqualTo("pending");
        assertThat(unassigned.json().path("assignee").isNull()).isTrue();
        assertThat(Instant.parse(unassigned.json().path("updatedAt").asText()))
                .isAfter(Instant.parse(pending.json().path("createdAt").asText()));
    }

    @Test
    void aPatchThatChangesNothingKeepsUpdatedAt() {
        send(key, sandbox, "+15550102011", "Hi");
        String id = onlyConversation();
        JsonNode before = detail(id);

        JsonNode same = patch(id, "{\"status\":\"open\",\"assignee\":null}").json();

        assertThat(same.path("updatedAt")).isEqualTo(before.path("updatedAt"));
    }

    @Test
    void anOutboundMessageKeepsAResolvedConversationResolved() {
        send(key, sandbox, "+15550102012", "Hi");
        String id = onlyConversation();
        JsonNode resolved = patch(id, "{\"status\":\"resolved\"}").json();

        send(key, sandbox, "+15550102012", "One more thing");

        JsonNode after = detail(id);
        assertThat(after.path("status").asText()).isEqualTo("resolved");
        assertThat(after.path("messages")).hasSize(2);
        assertThat(Instant.parse(after.path("lastMessageAt").asText()))
                .isAfter(Instant.parse(resolved.path("lastMessageAt").asText()));
    }

    @Test
    void closedIsFinalAndTheNextSendStartsANewConversation() {
        send(key, sandbox, "+15550102013", "Hi");
        String closed = onlyConversation();

        ApiClient.Response closing = patch(closed, "{\"status\":\"closed\"}");
        ApiClient.Response reopening = patch(closed, "{\"status\":\"open\"}");
        ApiClient.Response assigning = patch(closed, "{\"assignee\":\"bruno\"}");
        String next = accepted(send(key, sandbox, "+15550102013", "A new topic"));

        assertThat(closing.status()).isEqualTo(200);
        assertThat(reopening.status()).isEqualTo(409);
        assertThat(reopening.json().path("code").asText()).isEqualTo("conversation_closed");
        assertThat(assigning.json().path("code").asText()).isEqualTo("conversation_closed");
        JsonNode listed = get(CONVERSATIONS).json().path("data");
        assertThat(listed.findValuesAsText("status")).containsExactly("open", "closed");
        assertThat(listed.path(1).path("id").asText()).isEqualTo(closed);
        assertThat(listed.path(0).path("contactId")).isEqualTo(listed.path(1).path("contactId"));
        assertThat(detail(listed.path(0).path("id").asText()).path("messages").findValuesAsText("id"))
                .containsExactly(next);
        assertThat(detail(closed).path("status").asText()).isEqualTo("closed");
    }

    @Test
    void theSchemaRefusesASecondActiveConversationAndAClosedOneWithAKey() {
        send(key, sandbox, "+15550102016", "Hi");
        String contactId = detail(onlyConversation()).path("contact").path("id").asText();

        assertThatThrownBy(() -> ConversationRows.insert(jdbc, tenant.workspaceId(), sandbox,
                contactId, "pending", sandbox + ":" + contactId))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> ConversationRows.insert(jdbc, tenant.workspaceId(), sandbox,
                contactId, "open", null)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> ConversationRows.insert(jdbc, tenant.workspaceId(), sandbox,
                contactId, "closed", sandbox + ":" + contactId))
                .isInstanceOf(DataIntegrityViolationException.class);
        ConversationRows.insert(jdbc, tenant.workspaceId(), sandbox, contactId, "closed", null);
        ConversationRows.insert(jdbc, tenant.workspaceId(), sandbox, contactId, "closed", null);
    }

    @Test
    void inboundMessagesOpenReopenResolvedAndStartAfterClosed() {
        String opened = conversations.recordInbound(tenant.workspaceId(), Environment.TEST, sandbox,
                "15550102014@c.us");
        JsonNode first = detail(opened);
        patch(opened, "{\"status\":\"resolved\"}");

        String reopened = conversations.recordInbound(tenant.workspaceId(), Environment.TEST,
                sandbox, "+15550102014");
        JsonNode afterReopen = detail(reopened);
        patch(opened, "{\"status\":\"closed\"}");
        String fresh = conversations.recordInbound(tenant.workspaceId(), Environment.TEST, sandbox,
                "+15550102014");

        assertThat(first.path("status").asText()).isEqualTo("open");
        assertThat(first.path("contact").path("phone").asText()).isEqualTo("+15550102014");
        assertThat(first.path("messages")).isEmpty();
        assertThat(reopened).isEqualTo(opened);
        assertThat(afterReopen.path("status").asText()).isEqualTo("open");
        assertThat(Instant.parse(afterReopen.path("lastMessageAt").asText()))
                .isAfter(Instant.parse(first.path("lastMessageAt").asText()));
        assertThat(fresh).isNotEqualTo(opened);
        assertThat(detail(fresh).path("status").asText()).isEqualTo("open");
        assertThat(detail(opened).path("status").asText()).isEqualTo("closed");
    }

    @Test
    void anInboundMessageKeepsAPendingConversationPending() {
        send(key, sandbox, "+15550102015", "Hi");
        String id = onlyConversation();
        patch(id, "{\"status\":\"pending\"}");

        conversations.recordInbound(tenant.workspaceId(), Environment.TEST, sandbox, "+15550102015");

        assertThat(detail(id).path("status").asText()).isEqualTo("pending");
    }

    // Listing

    @Test
    void pagesThroughConversationsNewestMessageFirst() {
        List<String> numbers = List.of("+15550102020", "+15550102021", "+15550102022",
                "+15550102023", "+15550102024");
        numbers.forEach(number -> send(key, sandbox, number, "Hi"));
        send(key, sandbox, numbers.get(0), "Bumps the first to the top");

        List<JsonNode> pages = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(CONVERSATIONS + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            pages.add(page);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);

        assertThat(pages).extracting(page -> page.path("data").size()).containsExactly(2, 2, 1);
        List<String> phones = new ArrayList<>();
        pages.forEach(page -> page.path("data").forEach(conversation -> phones.add(
                detail(conversation.path("id").asText()).path("contact").path("phone").asText())));
        assertThat(phones).containsExactly(numbers.get(0), numbers.get(4), numbers.get(3),
                numbers.get(2), numbers.get(1));
    }

    @Test
    void filtersByStatusAssigneeContactAndInstance() {
        send(key, sandbox, "+15550102030", "Hi");
        send(key, sandbox, "+15550102031", "Hi");
        String contactOfFirst = get("/api/v1/contacts?q=15550102030").json()
                .path("data").path(0).path("id").asText();
        String first = get(CONVERSATIONS + "?contactId=" + contactOfFirst).json()
                .path("data").path(0).path("id").asText();
        patch(first, "{\"status\":\"pending\",\"assignee\":\"carla\"}");

        assertThat(ids(CONVERSATIONS + "?status=pending")).containsExactly(first);
        assertThat(ids(CONVERSATIONS + "?assignee=carla&status=pending")).containsExactly(first);
        assertThat(ids(CONVERSATIONS + "?status=open")).hasSize(1).doesNotContain(first);
        assertThat(ids(CONVERSATIONS + "?instanceId=" + sandbox)).hasSize(2);
        assertThat(ids(CONVERSATIONS + "?instanceId=ins_0000000000000000000000")).isEmpty();
        assertThat(ids(CONVERSATIONS + "?assignee=nobody")).isEmpty();
    }

    @Test
    void namesEveryBadFilterAndEveryBadField() {
        send(key, sandbox, "+15550102040", "Hi");
        String id = onlyConversation();

        ApiClient.Response filters = get(CONVERSATIONS + "?status=done&contactId=ins_abc"
                + "&instanceId=ct_abc&assignee=&limit=500&cursor=forged&sort=new");
        ApiClient.Response fields = patch(id, "{\"status\":\"done\",\"assignee\":5,\"colour\":1}");

        assertThat(errorFields(filters)).containsExactlyInAnyOrder("status", "contactId",
                "instanceId", "assignee", "limit", "cursor", "sort");
        assertThat(errorFields(fields)).containsExactlyInAnyOrder("status", "assignee", "colour");
        assertThat(errorFields(patch(id, "{}"))).containsExactly("body");
        assertThat(errorFields(patch(id, "{\"status\":null}"))).containsExactly("status");
        assertThat(errorFields(patch(id, "{\"assignee\":\"\"}"))).containsExactly("assignee");
        assertThat(errorFields(patch(id, "{\"assignee\":\"" + "a".repeat(201) + "\"}")))
                .containsExactly("assignee");
        assertThat(errorFields(patch(id, "[]"))).containsExactly("body");
        assertThat(detail(id).path("status").asText()).isEqualTo("open");
    }

    // Scoping by key

    @Test
    void anotherEnvironmentsOrWorkspacesConversationIsNotFound() {
        send(key, sandbox, "+15550102050", "Hi");
        String id = onlyConversation();
        String live = ApiClient.bearer(createKeyAs(tenant.ownerAuthorization(), "live",
                "conversation:manage"));
        Tenant other = Tenant.create(workspaces);
        String otherKey = ApiClient.bearer(createKeyAs(other.ownerAuthorization(), "test",
                "conversation:manage"));

        for (String stranger : List.of(live, otherKey)) {
            assertThat(api().get(CONVERSATIONS + "/" + id, stranger).status()).isEqualTo(404);
            ApiClient.Response closing = api().patchJson(CONVERSATIONS + "/" + id, stranger,
                    "{\"status\":\"closed\"}");
            assertThat(closing.status()).isEqualTo(404);
            assertThat(closing.json().path("code").asText()).isEqualTo("not_found");
            assertThat(api().get(CONVERSATIONS, stranger).json().path("data")).isEmpty();
        }
        assertThat(detail(id).path("status").asText()).isEqualTo("open");
    }

    @Test
    void everyOperationNeedsConversationManage() {
        send(key, sandbox, "+15550102051", "Hi");
        String id = onlyConversation();
        String sender = ApiClient.bearer(createKeyAs(tenant.ownerAuthorization(), "test",
                "message:send", "contact:read"));

        List<ApiClient.Response> refused = List.of(api().get(CONVERSATIONS, sender),
                api().get(CONVERSATIONS + "/" + id, sender),
                api().patchJson(CONVERSATIONS + "/" + id, sender, "{\"status\":\"closed\"}"));

        assertThat(refused).extracting(ApiClient.Response::status).containsOnly(403);
        assertThat(refused).extracting(response -> response.header("X-Bouncer-Required-Permission"))
                .containsOnly("conversation:manage");
        assertThat(detail(id).path("status").asText()).isEqualTo("open");
    }

    private String onlyConversation() {
        JsonNode listed = get(CONVERSATIONS).json().path("data");
        assertThat(listed).hasSize(1);
        return listed.path(0).path("id").asText();
    }

    private JsonNode detail(String id) {
        ApiClient.Response detail = get(CONVERSATIONS + "/" + id);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        return detail.json();
    }

    private List<String> ids(String path) {
        return get(path).json().path("data").findValuesAsText("id");
    }

    private ApiClient.Response get(String path) {
        return api().get(path, ApiClient.bearer(key));
    }

    private ApiClient.Response patch(String id, String json) {
        return api().patchJson(CONVERSATIONS + "/" + id, ApiClient.bearer(key), json);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class, tenant.workspaceId());
    }

    private HttpRequest sendRequest(String to, String text) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/messages/send"))
                .header("Authorization", ApiClient.bearer(key))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"instanceId\":\"" + sandbox
                        + "\",\"to\":\"" + to + "\",\"message\":\"" + text + "\"}"))
                .build();
    }

    private HttpResponse<String> sendWithIdempotencyKey(String body, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/messages/send"))
                .header("Authorization", ApiClient.bearer(key))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .join();
    }

    private static String accepted(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.json().path("id").asText();
    }

    private static List<String> errorFields(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        return response.json().path("errors").findValuesAsText("field");
    }
}
