package dev.bouncer.host.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.common.Ids;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.ContactRace;
import dev.bouncer.host.support.HostAppIT;
import dev.bouncer.host.support.Tenant;
import dev.bouncer.host.workspace.WorkspaceService;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Contacts over real HTTP: upsert by number, PATCH semantics, listing, and scoping by key. */
class ContactsIT extends HostAppIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTACTS = "/api/v1/contacts";

    @Autowired
    private WorkspaceService workspaces;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    private Tenant tenant;
    private String key;

    @BeforeEach
    void ownWorkspace() {
        tenant = Tenant.create(workspaces);
        key = createKeyAs(tenant.ownerAuthorization(), "test", "contact:read", "contact:write");
    }

    // Upsert by number

    @Test
    void createsANewNumberWith201AndUpdatesTheSameNumberWith200() {
        ApiClient.Response created = post("{'phone':'+49 151 1234-5678','name':'Ana Lima'}");
        ApiClient.Response again = post("{'phone':'4915112345678@s.whatsapp.net',"
                + "'email':'ana@example.com'}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(id).startsWith("ct_");
        assertThat(created.header("Location")).isEqualTo(CONTACTS + "/" + id);
        assertThat(created.json().path("phone").asText()).isEqualTo("+4915112345678");
        assertThat(created.json().path("updatedAt")).isEqualTo(created.json().path("createdAt"));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("id").asText()).isEqualTo(id);
        assertThat(again.json().path("name").asText()).isEqualTo("Ana Lima");
        assertThat(again.json().path("email").asText()).isEqualTo("ana@example.com");
        assertThat(get(CONTACTS + "/" + id).json()).isEqualTo(again.json());
    }

    @Test
    void showsEmptyFieldsAsNullAndEmptyCollections() {
        JsonNode created = post("{'phone':'+15550101001'}").json();

        assertThat(created.has("name")).isTrue();
        assertThat(created.path("name").isNull()).isTrue();
        assertThat(created.path("email").isNull()).isTrue();
        assertThat(created.path("tags").isArray()).isTrue();
        assertThat(created.path("tags")).isEmpty();
        assertThat(created.path("attributes").isObject()).isTrue();
        assertThat(created.path("attributes")).isEmpty();
        assertThat(created.path("createdAt").asText()).isEqualTo(created.path("updatedAt").asText());
    }

    @Test
    void refusesANumberASendWouldRefuseAndStoresNothing() {
        ApiClient.Response group = post("{'phone':'120363025246125486@g.us'}");
        ApiClient.Response national = post("{'phone':'0151 1234 5678'}");
        ApiClient.Response missing = post("{'name':'No number'}");

        assertThat(group.status()).isEqualTo(422);
        assertThat(errorMessages(group, "phone")).anyMatch(message -> message.contains("group"));
        assertThat(national.status()).isEqualTo(422);
        assertThat(errorFields(national)).containsExactly("phone");
        assertThat(errorFields(missing)).containsExactly("phone");
        assertThat(contactsInTenant()).isZero();
    }

    @Test
    void concurrentUpsertsOfOneNewNumberCreateOneContact() {
        String body = json("{'phone':'+15550101002','tags':['lead']}");
        HttpClient http = HttpClient.newHttpClient();

        List<HttpResponse<String>> answers = IntStream.range(0, 8)
                .mapToObj(i -> http.sendAsync(postRequest(body), HttpResponse.BodyHandlers.ofString()))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 200);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 201).hasSize(1);
        assertThat(answers.stream().map(answer -> read(answer.body()).path("id").asText()).distinct())
                .hasSize(1);
        assertThat(contactsInTenant()).isEqualTo(1);
    }

    @Test
    void anUpsertThatLosesTheRaceForANewNumberUpdatesTheWinnersContact() {
        String winner = "ct_" + Ids.randomBase62(22);
        ContactRace race = ContactRace.holdInsert(transactions, jdbc, tenant.workspaceId(), winner,
                "+15550101012");

        CompletableFuture<HttpResponse<String>> loser = HttpClient.newHttpClient().sendAsync(
                postRequest(json("{'phone':'+15550101012','name':'Late'}")),
                HttpResponse.BodyHandlers.ofString());
        race.awaitInsertOf(loser);
        race.commit();

        HttpResponse<String> answer = loser.join();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(read(answer.body()).path("id").asText()).isEqualTo(winner);
        assertThat(read(answer.body()).path("name").asText()).isEqualTo("Late");
        assertThat(contactsInTenant()).isEqualTo(1);
    }

    @Test
    void upsertOfAnExistingNumberAppliesOnlyTheGivenFields() {
        String id = post("{'phone':'+15550101003','name':'Bruno','tags':['a'],"
                + "'attributes':{'plan':'pro','city':'Lisbon'}}").json().path("id").asText();

        ApiClient.Response upserted = post("{'phone':'+1 555 010 1003','email':null,"
                + "'attributes':{'city':null,'seats':3}}");

        assertThat(upserted.status()).isEqualTo(200);
        assertThat(upserted.json().path("id").asText()).isEqualTo(id);
        assertThat(upserted.json().path("name").asText()).isEqualTo("Bruno");
        assertThat(upserted.json().path("tags")).isEqualTo(read("[\"a\"]"));
        assertThat(upserted.json().path("attributes")).isEqualTo(read(json("{'plan':'pro','seats':3}")));
    }

    // PATCH

    @Test
    void patchSetsReplacesAndClearsFields() {
        String id = post("{'phone':'+15550101004','name':'Carla','email':'carla@example.com',"
                + "'tags':['vip','lead']}").json().path("id").asText();

        ApiClient.Response patched = patch(id, "{'name':' Carla Souza ','email':null,'tags':['new']}");

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("name").asText()).isEqualTo("Carla Souza");
        assertThat(patched.json().path("email").isNull()).isTrue();
        assertThat(patched.json().path("tags")).isEqualTo(read("[\"new\"]"));
        assertThat(patch(id, "{'tags':null,'name':null}").json().path("tags")).isEmpty();
        assertThat(get(CONTACTS + "/" + id).json().path("name").isNull()).isTrue();
    }

    @Test
    void patchMergesAttributesAsJsonMergePatch() {
        String id = post("{'phone':'+15550101005','attributes':{'plan':'pro','score':1,"
                + "'address':{'city':'Berlin','zip':'10115'},'langs':['de','en']}}")
                .json().path("id").asText();

        ApiClient.Response merged = api().patch(CONTACTS + "/" + id, ApiClient.bearer(key),
                "application/merge-patch+json", json("{'attributes':{'plan':null,'score':2,"
                        + "'address':{'zip':null,'street':'Unter den Linden'},'langs':['pt'],"
                        + "'absent':null}}"));
        ApiClient.Response cleared = patch(id, "{'attributes':null}");

        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.json().path("attributes")).isEqualTo(read(json("{'score':2,"
                + "'address':{'city':'Berlin','street':'Unter den Linden'},'langs':['pt']}")));
        assertThat(cleared.json().path("attributes")).isEmpty();
    }

    @Test
    void refusesAttributesWhoseResultBreaksALimitAndKeepsTheStoredOnes() {
        StringBuilder fortyFive = new StringBuilder("{");
        for (int i = 0; i < 45; i++) {
            fortyFive.append(i == 0 ? "" : ",").append("'k").append(i).append("':").append(i);
        }
        String id = post("{'phone':'+15550101006','attributes':" + fortyFive + "}}")
                .json().path("id").asText();
        JsonNode before = get(CONTACTS + "/" + id).json();

        ApiClient.Response tooMany = patch(id, "{'name':'Dora','attributes':{'a1':1,'a2':2,'a3':3,"
                + "'a4':4,'a5':5,'a6':6}}");
        ApiClient.Response longKey = patch(id, "{'attributes':{'" + "k".repeat(41) + "':1}}");
        ApiClient.Response tooBig = patch(id, "{'attributes':{'k1':'" + "x".repeat(4100) + "'}}");
        ApiClient.Response replacing = patch(id, "{'attributes':{'k1':null,'a1':1}}");

        assertThat(errorFields(tooMany)).containsExactly("attributes");
        assertThat(errorMessages(tooMany, "attributes")).anyMatch(message -> message.contains("50"));
        assertThat(errorFields(longKey)).containsExactly("attributes");
        assertThat(errorFields(tooBig)).containsExactly("attributes");
        assertThat(errorMessages(tooBig, "attributes")).anyMatch(message -> message.contains("4096"));
        assertThat(replacing.status()).as("removing one key makes room for another").isEqualTo(200);
        assertThat(before.path("name").isNull()).isTrue();
        assertThat(get(CONTACTS + "/" + id).json().path("name").isNull())
                .as("the refused PATCH changed nothing").isTrue();
    }

    @Test
    void namesEveryBadFieldInOne422AndChangesNothing() {
        String id = post("{'phone':'+15550101007','name':'Eva'}").json().path("id").asText();
        JsonNode before = get(CONTACTS + "/" + id).json();

        ApiClient.Response refused = patch(id, "{'name':'','email':'eva@example','tags':['a','a'],"
                + "'attributes':[1],'phone':'+15550101008','colour':'red'}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("code").asText()).isEqualTo("validation_failed");
        assertThat(errorFields(refused))
                .containsExactlyInAnyOrder("name", "email", "tags", "attributes", "phone", "colour");
        assertThat(get(CONTACTS + "/" + id).json()).isEqualTo(before);
    }

    @Test
    void refusesEachKindOfBadValue() {
        String id = post("{'phone':'+15550101009'}").json().path("id").asText();

        assertThat(errorFields(patch(id, "{'name':'" + "n".repeat(201) + "'}"))).containsExactly("name");
        assertThat(errorFields(patch(id, "{'name':'tab\\there'}"))).containsExactly("name");
        assertThat(errorFields(patch(id, "{'email':'a@" + "b".repeat(250) + ".com'}")))
                .containsExactly("email");
        assertThat(errorFields(patch(id, "{'email':'two@@example.com'}"))).containsExactly("email");
        assertThat(errorFields(patch(id, "{'tags':['x','y','x ']}"))).containsExactly("tags");
        assertThat(errorFields(patch(id, "{'tags':['" + "t".repeat(51) + "']}")))
                .containsExactly("tags");
        assertThat(errorFields(patch(id, "{'tags':" + tags(21) + "}"))).containsExactly("tags");
        assertThat(errorFields(patch(id, "{'tags':[1]}"))).containsExactly("tags");
        assertThat(errorFields(patch(id, "{}"))).containsExactly("body");
        assertThat(patch(id, "{'name':'" + "n".repeat(200) + "','tags':" + tags(20) + "}").status())
                .isEqualTo(200);
    }

    @Test
    void anUpdateThatChangesNothingKeepsUpdatedAt() {
        JsonNode created = post("{'phone':'+15550101010','name':'Fabio','tags':['a'],"
                + "'attributes':{'plan':'pro'}}").json();
        String id = created.path("id").asText();

        JsonNode samePatch = patch(id, "{'name':'Fabio','tags':['a'],'attributes':{'plan':'pro',"
                + "'gone':null}}").json();
        JsonNode sameUpsert = post("{'phone':'+15550101010','name':'Fabio'}").json();
        JsonNode changed = patch(id, "{'name':'Fabio Reis'}").json();

        assertThat(samePatch.path("updatedAt")).isEqualTo(created.path("updatedAt"));
        assertThat(sameUpsert.path("updatedAt")).isEqualTo(created.path("updatedAt"));
        assertThat(Instant.parse(changed.path("updatedAt").asText()))
                .isAfter(Instant.parse(created.path("updatedAt").asText()));
    }

    @Test
    void acceptsOnlyJsonBodies() {
        String id = post("{'phone':'+15550101011'}").json().path("id").asText();

        ApiClient.Response plain = api().patch(CONTACTS + "/" + id, ApiClient.bearer(key),
                "text/plain", "{\"name\":\"x\"}");
        ApiClient.Response malformed = api().patchJson(CONTACTS + "/" + id, ApiClient.bearer(key),
                "{\"name\":");

        assertThat(plain.status()).isEqualTo(415);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("code").asText()).isEqualTo("malformed_json");
    }

    // Listing

    @Test
    void pagesThroughEveryContactOnceInUpdateOrder() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(post("{'phone':'+1555010120" + i + "'}").json().path("id").asText());
        }

        List<JsonNode> pages = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(CONTACTS + "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            pages.add(page);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);

        assertThat(pages).extracting(page -> page.path("data").size()).containsExactly(3, 3, 1);
        assertThat(pages.get(2).has("nextCursor")).as("the last page says so explicitly").isTrue();
        assertThat(pages.stream().flatMap(page -> ids(page).stream()).toList())
                .containsExactlyElementsOf(created);
    }

    @Test
    void aChangedContactComesAgainAfterTheCursorOfASyncClient() {
        String first = post("{'phone':'+15550101210'}").json().path("id").asText();
        String second = post("{'phone':'+15550101211'}").json().path("id").asText();
        JsonNode synced = get(CONTACTS).json();
        String cursor = synced.path("data").path(1).path("updatedAt").asText();

        patch(first, "{'name':'Changed'}");
        JsonNode changes = get(CONTACTS + "?updatedSince=" + cursor).json();

        assertThat(ids(synced)).containsExactly(first, second);
        assertThat(ids(changes)).containsExactly(second, first);
        assertThat(changes.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void searchesNamesInAnyCaseAndDigitsOfTheNumber() {
        String ana = post("{'phone':'+4915112345678','name':'Ana Lima'}").json().path("id").asText();
        String anabel = post("{'phone':'+5511987654321','name':'ANABEL'}").json().path("id").asText();
        String bruno = post("{'phone':'+351912345678','name':'Bruno'}").json().path("id").asText();
        String literal = post("{'phone':'+15550101220','name':'a_b'}").json().path("id").asText();
        post("{'phone':'+15550101221','name':'axb'}");

        assertThat(ids(get(CONTACTS + "?q=ana").json())).containsExactlyInAnyOrder(ana, anabel);
        assertThat(ids(get(CONTACTS + "?q=" + encode("+55 11 98765")).json())).containsExactly(anabel);
        assertThat(ids(get(CONTACTS + "?q=2345678").json())).containsExactlyInAnyOrder(ana, bruno);
        assertThat(ids(get(CONTACTS + "?q=a_b").json())).containsExactly(literal);
        assertThat(ids(get(CONTACTS + "?q=nobody").json())).isEmpty();
    }

    @Test
    void namesEveryBadQueryParameter() {
        ApiClient.Response refused = get(CONTACTS + "?limit=0&cursor=forged&updatedSince=yesterday"
                + "&q=" + "x".repeat(101) + "&sort=name");
        ApiClient.Response repeated = get(CONTACTS + "?limit=1&limit=2");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(errorFields(refused))
                .containsExactlyInAnyOrder("limit", "cursor", "updatedSince", "q", "sort");
        assertThat(errorFields(repeated)).containsExactly("limit");
    }

    // Scoping by key

    @Test
    void anotherEnvironmentsContactIsNotFoundLikeAnUnknownOne() {
        String id = post("{'phone':'+15550101230'}").json().path("id").asText();
        String live = ApiClient.bearer(createKeyAs(tenant.ownerAuthorization(), "live",
                "contact:read", "contact:write"));

        ApiClient.Response read = api().get(CONTACTS + "/" + id, live);
        ApiClient.Response changed = api().patchJson(CONTACTS + "/" + id, live, "{\"name\":\"x\"}");
        ApiClient.Response unknown = api().get(CONTACTS + "/ct_0000000000000000000000", live);
        ApiClient.Response listed = api().get(CONTACTS, live);

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().path("code").asText()).isEqualTo("not_found");
        assertThat(changed.status()).isEqualTo(404);
        assertThat(read.json().path("detail").asText().replace(id, "ID"))
                .isEqualTo(unknown.json().path("detail").asText()
                        .replace("ct_0000000000000000000000", "ID"));
        assertThat(listed.json().path("data")).isEmpty();
        assertThat(get(CONTACTS + "/" + id).json().path("name").isNull()).isTrue();
    }

    @Test
    void anotherWorkspacesContactIsNotFoundAndItsNumberIsAnotherContact() {
        String id = post("{'phone':'+15550101231','name':'Mine'}").json().path("id").asText();
        Tenant other = Tenant.create(workspaces);
        String otherKey = ApiClient.bearer(createKeyAs(other.ownerAuthorization(), "test",
                "contact:read", "contact:write"));

        ApiClient.Response read = api().get(CONTACTS + "/" + id, otherKey);
        ApiClient.Response changed = api().patchJson(CONTACTS + "/" + id, otherKey, "{\"name\":\"x\"}");
        ApiClient.Response sameNumber = api().postJson(CONTACTS, otherKey,
                "{\"phone\":\"+15550101231\"}");

        assertThat(read.status()).isEqualTo(404);
        assertThat(changed.status()).isEqualTo(404);
        assertThat(sameNumber.status()).isEqualTo(201);
        assertThat(sameNumber.json().path("id").asText()).isNotEqualTo(id);
        assertThat(sameNumber.json().path("name").isNull()).isTrue();
        assertThat(get(CONTACTS + "/" + id).json().path("name").asText()).isEqualTo("Mine");
    }

    @Test
    void eachOperationNeedsItsPermission() {
        String reader = ApiClient.bearer(createKeyAs(tenant.ownerAuthorization(), "test",
                "contact:read"));
        String writer = ApiClient.bearer(createKeyAs(tenant.ownerAuthorization(), "test",
                "contact:write"));
        String id = post("{'phone':'+15550101232'}").json().path("id").asText();

        ApiClient.Response create = api().postJson(CONTACTS, reader, "{\"phone\":\"+15550101233\"}");
        ApiClient.Response update = api().patchJson(CONTACTS + "/" + id, reader, "{\"name\":\"x\"}");
        ApiClient.Response list = api().get(CONTACTS, writer);
        ApiClient.Response read = api().get(CONTACTS + "/" + id, writer);

        assertThat(create.status()).isEqualTo(403);
        assertThat(create.header("X-Bouncer-Required-Permission")).isEqualTo("contact:write");
        assertThat(update.header("X-Bouncer-Required-Permission")).isEqualTo("contact:write");
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.header("X-Bouncer-Required-Permission")).isEqualTo("contact:read");
        assertThat(read.header("X-Bouncer-Required-Permission")).isEqualTo("contact:read");
        assertThat(contactsInTenant()).isEqualTo(1);
    }

    private ApiClient.Response post(String singleQuotedJson) {
        return api().postJson(CONTACTS, ApiClient.bearer(key), json(singleQuotedJson));
    }

    private ApiClient.Response patch(String id, String singleQuotedJson) {
        return api().patchJson(CONTACTS + "/" + id, ApiClient.bearer(key), json(singleQuotedJson));
    }

    private ApiClient.Response get(String path) {
        return api().get(path, ApiClient.bearer(key));
    }

    private HttpRequest postRequest(String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + CONTACTS))
                .header("Authorization", ApiClient.bearer(key))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private int contactsInTenant() {
        return jdbc.queryForObject("select count(*) from contact where workspace_id = ?",
                Integer.class, tenant.workspaceId());
    }

    private static List<String> ids(JsonNode page) {
        return page.path("data").findValuesAsText("id");
    }

    private static List<String> errorFields(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        return response.json().path("errors").findValuesAsText("field");
    }

    private static List<String> errorMessages(ApiClient.Response response, String field) {
        List<String> messages = new ArrayList<>();
        response.json().path("errors").forEach(error -> {
            if (error.path("field").asText().equals(field)) {
                messages.add(error.path("message").asText());
            }
        });
        return messages;
    }

    private static String tags(int count) {
        return IntStream.range(0, count).mapToObj(i -> "'t" + i + "'").toList().toString()
                .replace(" ", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Test bodies are written with single quotes to stay readable; no value here has one. */
    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
