package dev.bouncer.host.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.common.Environment;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.MutableClock;
import dev.bouncer.host.workspace.WorkspaceService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A key's life over real HTTP with a clock the test moves: rolls with grace periods, expiry,
 * PATCH, the audit log and the batched last-used time. A context of its own, because the clock
 * jumps ahead and the shared context's messages must not see that.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bouncer.owner.email=" + KeyLifecycleIT.OWNER_EMAIL,
        "bouncer.owner.password=" + KeyLifecycleIT.OWNER_PASSWORD,
        "bouncer.routes.include-pattern=",
        // Flushes happen only when a test calls them.
        "bouncer.keys.last-used-flush-interval=1h"})
class KeyLifecycleIT {

    static final String OWNER_EMAIL = "keys-owner@example.test";
    static final String OWNER_PASSWORD = "keys have lives too";
    private static final String KEYS = "/api/v1/developer/keys";
    private static final String AUDIT = "/api/v1/developer/audit";
    private static final String INSTANCES = "/api/v1/instances";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    private int port;

    @Autowired
    private MutableClock clock;

    @Autowired
    private KeyUsageRecorder usage;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private WorkspaceService workspaces;

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableTime {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("bouncer.data-dir", DATA_DIR::toString);
    }

    // Roll

    @Test
    void rolledKeyKeepsTheOldSecretUntilTheGracePeriodEnds() {
        Key key = newKey("Checkout", "instance:read", "message:send");

        ApiClient.Response rolled = roll(key.id(), "{\"gracePeriod\":\"1h\"}");
        String newSecret = rolled.json().path("key").asText();
        int oldDuringGrace = statusWith(key.secret());
        int newDuringGrace = statusWith(newSecret);
        clock.advance(Duration.ofMinutes(59));
        int oldJustBeforeGraceEnd = statusWith(key.secret());
        clock.advance(Duration.ofMinutes(1));
        int oldAfterGrace = statusWith(key.secret());
        int newAfterGrace = statusWith(newSecret);

        assertThat(rolled.status()).as(rolled.toString()).isEqualTo(200);
        assertThat(rolled.header("Cache-Control")).contains("no-store");
        JsonNode view = rolled.json();
        assertThat(view.path("id").asText()).isEqualTo(key.id());
        assertThat(view.path("name").asText()).isEqualTo("Checkout");
        assertThat(view.path("permissions")).extracting(JsonNode::asText)
                .containsExactly("message:send", "instance:read");
        // Booleans, so that a failure never prints a key.
        assertThat(newSecret.equals(key.secret())).as("the new key equals the old").isFalse();
        assertThat(ApiKeyFormat.environmentOf(newSecret)).as("environment of the new key")
                .contains(Environment.TEST);
        assertThat(view.path("keyHint").asText()).endsWith(newSecret.substring(51));
        assertThat(List.of(oldDuringGrace, newDuringGrace, oldJustBeforeGraceEnd))
                .containsOnly(200);
        assertThat(oldAfterGrace).isEqualTo(401);
        assertThat(newAfterGrace).isEqualTo(200);
        assertThat(get(KEYS + "/" + key.id()).json().has("key")).isFalse();
    }

    @Test
    void rollWithNoGracePeriodEndsTheOldSecretAtOnce() {
        Key key = newKey("Instant roll", "instance:read");

        String newSecret = roll(key.id(), "{\"gracePeriod\":\"0s\"}").json().path("key").asText();

        assertThat(statusWith(key.secret())).isEqualTo(401);
        assertThat(statusWith(newSecret)).isEqualTo(200);
    }

    @Test
    void rollWithoutBodyGivesTheOldSecretTwentyFourHours() {
        Key key = newKey("Default roll", "instance:read");
        Instant rolledAt = clock.instant();

        ApiClient.Response rolled = api().post(KEYS + "/" + key.id() + "/roll", owner(), null, "");
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        int oldBeforeDayEnds = statusWith(key.secret());
        clock.advance(Duration.ofSeconds(1));
        int oldAfterDayEnds = statusWith(key.secret());

        assertThat(rolled.status()).as(rolled.toString()).isEqualTo(200);
        assertThat(oldBeforeDayEnds).isEqualTo(200);
        assertThat(oldAfterDayEnds).isEqualTo(401);
        JsonNode details = auditOf(key.id(), "api_key.rolled").get(0).path("details");
        assertThat(details.path("gracePeriod").asText()).isEqualTo("24h");
        assertThat(Instant.parse(details.path("oldSecretExpiresAt").asText()))
                .isEqualTo(rolledAt.plus(Duration.ofHours(24)));
    }

    @Test
    void secondRollKeepsSeveralSecretsInGraceAndNeverLengthensOne() {
        Key key = newKey("Two rolls", "instance:read");
        String second = roll(key.id(), "{\"gracePeriod\":\"10m\"}").json().path("key").asText();

        clock.advance(Duration.ofMinutes(1));
        String third = roll(key.id(), "{\"gracePeriod\":\"1h\"}").json().path("key").asText();
        List<Integer> duringBothGraces = statuses(key.secret(), second, third);
        clock.advance(Duration.ofMinutes(9));
        List<Integer> afterFirstGrace = statuses(key.secret(), second, third);
        clock.advance(Duration.ofMinutes(51));
        List<Integer> afterSecondGrace = statuses(key.secret(), second, third);

        assertThat(duringBothGraces).containsExactly(200, 200, 200);
        assertThat(afterFirstGrace).containsExactly(401, 200, 200);
        assertThat(afterSecondGrace).containsExactly(401, 401, 200);
    }

    @Test
    void rollWithoutGraceAfterALeakEndsEverySecretStillInGrace() {
        Key key = newKey("Leaked", "instance:read");
        String second = roll(key.id(), "{\"gracePeriod\":\"1h\"}").json().path("key").asText();

        String third = roll(key.id(), "{\"gracePeriod\":\"0s\"}").json().path("key").asText();

        assertThat(statuses(key.secret(), second, third)).containsExactly(401, 401, 200);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"gracePeriod\":\"8d\"}", "{\"gracePeriod\":\"169h\"}",
        "{\"gracePeriod\":\"-1s\"}", "{\"gracePeriod\":\"soon\"}", "{\"gracePeriod\":true}",
        "{\"grace\":\"1h\"}", "[]"})
    void refusesABadRollAndChangesNothing(String body) {
        Key key = newKey("Bad roll", "instance:read");
        String hintBefore = get(KEYS + "/" + key.id()).json().path("keyHint").asText();

        ApiClient.Response response = roll(key.id(), body);

        assertProblem(response, 422, "validation_failed");
        assertThat(response.json().path("errors").path(0).path("field").asText())
                .isIn("gracePeriod", "grace", "body");
        assertThat(secretRows(key.id())).isEqualTo(1);
        assertThat(auditOf(key.id(), "api_key.rolled")).isEmpty();
        assertThat(get(KEYS + "/" + key.id()).json().path("keyHint").asText()).isEqualTo(hintBefore);
        clock.advance(Duration.ofDays(8));
        assertThat(statusWith(key.secret())).isEqualTo(200);
    }

    @Test
    void acceptsTheLongestGracePeriodOfSevenDays() {
        Key key = newKey("Week roll", "instance:read");

        ApiClient.Response rolled = roll(key.id(), "{\"gracePeriod\":\"7d\"}");

        assertThat(rolled.status()).as(rolled.toString()).isEqualTo(200);
        assertThat(auditOf(key.id(), "api_key.rolled").get(0).path("details")
                .path("gracePeriod").asText()).isEqualTo("168h");
    }

    @Test
    void refusesToRollARevokedKey() {
        Key key = newKey("Revoked", "instance:read");
        api().delete(KEYS + "/" + key.id(), owner());

        ApiClient.Response response = roll(key.id(), "{}");

        assertProblem(response, 409, "key_revoked");
        assertThat(secretRows(key.id())).isEqualTo(1);
    }

    @Test
    void refusesToRollAnExpiredKey() {
        Key key = newKey("Expiring", clock.instant().plus(Duration.ofMinutes(5)), "instance:read");
        clock.advance(Duration.ofMinutes(5));

        ApiClient.Response response = roll(key.id(), "{}");

        assertProblem(response, 409, "key_expired");
        assertThat(secretRows(key.id())).isEqualTo(1);
    }

    @Test
    void rollOfAnUnknownKeyIsNotFound() {
        ApiClient.Response response = roll("key_0000000000000000000000", "{}");

        assertProblem(response, 404, "not_found");
    }

    // Expiry

    @Test
    void keyStopsWorkingAtItsExpiryAndTheRefusalIsAuditedOncePerMinute() {
        Instant expiresAt = clock.instant().plus(Duration.ofHours(1));
        Key key = newKey("Expiring", expiresAt, "instance:read");
        int beforeExpiry = statusWith(key.secret());

        clock.advance(Duration.ofHours(1));
        List<Integer> hammering = statuses(key.secret(), key.secret(), key.secret());
        List<JsonNode> withinAMinute = auditOf(key.id(), "api_key.expired_use_refused");
        clock.advance(Duration.ofMinutes(1));
        int aMinuteLater = statusWith(key.secret());

        assertThat(beforeExpiry).isEqualTo(200);
        assertThat(hammering).containsOnly(401);
        assertThat(aMinuteLater).isEqualTo(401);
        assertThat(withinAMinute).hasSize(1);
        JsonNode refusal = withinAMinute.get(0);
        assertThat(refusal.path("actor").asText()).isEqualTo("system");
        assertThat(refusal.path("keyId").asText()).isEqualTo(key.id());
        assertThat(refusal.path("details").path("reason").asText()).isEqualTo("key_expired");
        assertThat(Instant.parse(refusal.path("details").path("expiredAt").asText()))
                .isEqualTo(expiresAt);
        assertThat(auditOf(key.id(), "api_key.expired_use_refused")).hasSize(2);
    }

    @Test
    void oldSecretUsedAfterItsGraceIsAuditedAsRefused() {
        Key key = newKey("Rolled away", "instance:read");
        roll(key.id(), "{\"gracePeriod\":\"0s\"}");

        int status = statusWith(key.secret());

        assertThat(status).isEqualTo(401);
        List<JsonNode> refusals = auditOf(key.id(), "api_key.expired_use_refused");
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0).path("details").path("reason").asText())
                .isEqualTo("roll_grace_ended");
    }

    @Test
    void showsTheExpiryGivenAtCreation() {
        Instant expiresAt = clock.instant().plus(Duration.ofDays(30));

        ApiClient.Response created = createKey("{\"name\":\"Monthly\",\"environment\":\"live\","
                + "\"permissions\":[\"message:send\"],\"expiresAt\":\"" + expiresAt + "\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(Instant.parse(created.json().path("expiresAt").asText())).isEqualTo(expiresAt);
        String id = created.json().path("id").asText();
        assertThat(Instant.parse(get(KEYS + "/" + id).json().path("expiresAt").asText()))
                .isEqualTo(expiresAt);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"\"2020-01-01T00:00:00Z\"", "\"tomorrow\"", "\"2030-01-01\"",
        "\"2030-01-01T00:00:00\"", "1900000000", "\"+12000-01-01T00:00:00Z\""})
    void refusesAnExpiryThatIsNotAFutureInstant(String expiresAt) {
        long keysBefore = rows("api_key");

        ApiClient.Response response = createKey("{\"name\":\"Bad expiry\",\"environment\":\"test\","
                + "\"permissions\":[\"message:send\"],\"expiresAt\":" + expiresAt + "}");

        assertProblem(response, 422, "validation_failed");
        assertThat(fields(response)).containsExactly("expiresAt");
        assertThat(rows("api_key")).isEqualTo(keysBefore);
    }

    @Test
    void refusesAnExpiryOfNow() {
        ApiClient.Response response = createKey("{\"name\":\"Now\",\"environment\":\"test\","
                + "\"permissions\":[\"message:send\"],\"expiresAt\":\"" + clock.instant() + "\"}");

        assertProblem(response, 422, "validation_failed");
        assertThat(fields(response)).containsExactly("expiresAt");
    }

    // PATCH

    @Test
    void removingAPermissionTakesEffectOnTheNextRequest() {
        Key key = newKey("Narrowed", "instance:read", "message:send");
        int before = statusWith(key.secret());

        ApiClient.Response patched = patch(key.id(), "application/json",
                "{\"permissions\":[\"message:send\"]}");
        ApiClient.Response after = api().get(INSTANCES, ApiClient.bearer(key.secret()));

        assertThat(before).isEqualTo(200);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("permissions")).extracting(JsonNode::asText)
                .containsExactly("message:send");
        assertProblem(after, 403, "forbidden");
        assertThat(after.header("X-Bouncer-Required-Permission")).isEqualTo("instance:read");
    }

    @Test
    void addingAPermissionTakesEffectOnTheNextRequest() {
        Key key = newKey("Widened", "message:send");
        int before = statusWith(key.secret());

        patch(key.id(), MERGE_PATCH, "{\"permissions\":[\"message:send\",\"instance:read\"]}");

        assertThat(before).isEqualTo(403);
        assertThat(statusWith(key.secret())).isEqualTo(200);
    }

    @Test
    void renamesAKeyWithMergePatch() {
        Key key = newKey("Old name", "instance:read");

        ApiClient.Response patched = patch(key.id(), MERGE_PATCH, "{\"name\":\"  New name  \"}");

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("name").asText()).isEqualTo("New name");
        assertThat(patched.json().path("permissions")).extracting(JsonNode::asText)
                .containsExactly("instance:read");
        assertThat(patched.json().has("key")).isFalse();
    }

    @Test
    void refusesToChangeTheEnvironment() {
        Key key = newKey("Test forever", "instance:read");

        ApiClient.Response response = patch(key.id(), "application/json",
                "{\"environment\":\"live\",\"name\":\"Live now\"}");

        assertProblem(response, 422, "validation_failed");
        assertThat(fields(response)).containsExactly("environment");
        assertThat(response.json().path("errors").path(0).path("message").asText())
                .isEqualTo("cannot be changed; create a new key");
        assertThat(get(KEYS + "/" + key.id()).json().path("name").asText()).isEqualTo("Test forever");
    }

    @ParameterizedTest(name = "[{index}] {0} names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {}|body
            {"colour":"red"}|colour
            {"name":" "}|name
            {"name":null}|name
            {"permissions":[]}|permissions
            {"permissions":null}|permissions
            {"permissions":["instance:read","messages:sned"]}|permissions
            {"permissions":"instance:read"}|permissions
            """)
    void refusesABadPatchAndChangesNothing(String body, String field) {
        Key key = newKey("Unchanged", "instance:read");

        ApiClient.Response response = patch(key.id(), "application/json", body);

        assertProblem(response, 422, "validation_failed");
        assertThat(fields(response)).containsExactly(field);
        JsonNode view = get(KEYS + "/" + key.id()).json();
        assertThat(view.path("name").asText()).isEqualTo("Unchanged");
        assertThat(view.path("permissions")).extracting(JsonNode::asText)
                .containsExactly("instance:read");
        assertThat(auditOf(key.id(), "api_key.updated")).isEmpty();
    }

    @Test
    void refusesToPatchARevokedKey() {
        Key key = newKey("Gone", "instance:read");
        api().delete(KEYS + "/" + key.id(), owner());

        ApiClient.Response response = patch(key.id(), "application/json", "{\"name\":\"Back\"}");

        assertProblem(response, 409, "key_revoked");
        assertThat(get(KEYS + "/" + key.id()).json().path("name").asText()).isEqualTo("Gone");
    }

    @Test
    void refusesAPatchThatIsNotJson() {
        Key key = newKey("Plain", "instance:read");

        ApiClient.Response response = patch(key.id(), "text/plain", "{\"name\":\"x\"}");

        assertProblem(response, 415, "unsupported_media_type");
    }

    // Audit log

    @Test
    void auditsEveryChangeWithItsDetailsNewestFirstAPageAtATime() {
        Instant createdAt = clock.instant();
        Key key = newKey("Audited", "instance:read");
        clock.advance(Duration.ofSeconds(1));
        roll(key.id(), "{\"gracePeriod\":\"1h\"}");
        clock.advance(Duration.ofSeconds(1));
        patch(key.id(), "application/json",
                "{\"name\":\"Audited too\",\"permissions\":[\"message:send\",\"instance:read\"]}");
        clock.advance(Duration.ofSeconds(1));
        ApiClient.Response revoked = api().delete(KEYS + "/" + key.id(), owner());

        ApiClient.Response first = get(AUDIT + "?keyId=" + key.id() + "&limit=2");
        ApiClient.Response second = get(AUDIT + "?keyId=" + key.id() + "&limit=2&cursor="
                + first.json().path("nextCursor").asText());

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        first.json().path("data").forEach(events::add);
        second.json().path("data").forEach(events::add);
        assertThat(events).extracting(event -> event.path("action").asText()).containsExactly(
                "api_key.revoked", "api_key.updated", "api_key.rolled", "api_key.created");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.path("actor").asText()).isEqualTo(OWNER_EMAIL);
            assertThat(event.path("keyId").asText()).isEqualTo(key.id());
            assertThat(event.path("id").asText()).startsWith("aud_");
        });
        assertThat(second.json().path("nextCursor").isNull()).isTrue();
        assertThat(Instant.parse(events.get(0).path("occurredAt").asText()))
                .isEqualTo(Instant.parse(revoked.json().path("revokedAt").asText()))
                .isEqualTo(createdAt.plusSeconds(3));

        JsonNode created = events.get(3).path("details");
        assertThat(created.path("name").asText()).isEqualTo("Audited");
        assertThat(created.path("environment").asText()).isEqualTo("test");
        assertThat(created.path("permissions")).extracting(JsonNode::asText)
                .containsExactly("instance:read");
        JsonNode rolled = events.get(2).path("details");
        assertThat(rolled.path("gracePeriod").asText()).isEqualTo("1h");
        assertThat(Instant.parse(rolled.path("oldSecretExpiresAt").asText()))
                .isEqualTo(createdAt.plusSeconds(1).plus(Duration.ofHours(1)));
        JsonNode changes = events.get(1).path("details").path("changes");
        assertThat(changes.path("name").path("before").asText()).isEqualTo("Audited");
        assertThat(changes.path("name").path("after").asText()).isEqualTo("Audited too");
        assertThat(changes.path("permissions").path("before")).extracting(JsonNode::asText)
                .containsExactly("instance:read");
        assertThat(changes.path("permissions").path("after")).extracting(JsonNode::asText)
                .containsExactly("message:send", "instance:read");
        assertThat(events.get(0).path("details").path("name").asText()).isEqualTo("Audited too");
    }

    @Test
    void auditsOnlyFieldsThatReallyChanged() {
        Key key = newKey("Same", "instance:read");

        patch(key.id(), "application/json", "{\"name\":\"Same\",\"permissions\":[\"instance:read\"]}");
        patch(key.id(), "application/json", "{\"name\":\"Other\",\"permissions\":[\"instance:read\"]}");

        List<JsonNode> updates = auditOf(key.id(), "api_key.updated");
        assertThat(updates).hasSize(1);
        JsonNode changes = updates.get(0).path("details").path("changes");
        assertThat(changes.has("name")).isTrue();
        assertThat(changes.has("permissions")).isFalse();
    }

    @Test
    void revokingTwiceAuditsOnce() {
        Key key = newKey("Twice", "instance:read");

        api().delete(KEYS + "/" + key.id(), owner());
        clock.advance(Duration.ofSeconds(1));
        ApiClient.Response again = api().delete(KEYS + "/" + key.id(), owner());

        assertThat(again.status()).isEqualTo(200);
        assertThat(auditOf(key.id(), "api_key.revoked")).hasSize(1);
    }

    @Test
    void listsTheWholeWorkspaceWithoutAKeyFilter() {
        Key key = newKey("Listed", "instance:read");

        ApiClient.Response page = get(AUDIT + "?limit=100");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("data").findValuesAsText("keyId")).contains(key.id());
    }

    @ParameterizedTest(name = "[{index}] ?{0} names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            limit=0|limit
            limit=101|limit
            limit=ten|limit
            cursor=not-a-cursor|cursor
            keyId=ins_0000000000000000000000|keyId
            keyId=key_short|keyId
            limt=5|limt
            limit=5&limit=6|limit
            """)
    void refusesBadQueryParametersNamingThem(String query, String parameter) {
        ApiClient.Response response = get(AUDIT + "?" + query);

        assertProblem(response, 422, "validation_failed");
        assertThat(fields(response)).containsExactly(parameter);
    }

    @Test
    void showsAnOwnerOnlyTheirOwnWorkspace() {
        Key key = newKey("Private", "instance:read");
        String otherEmail = "other-" + System.nanoTime() + "@example.test";
        workspaces.create("other-" + System.nanoTime(), otherEmail, "another password");
        String other = ApiClient.basic(otherEmail, "another password");

        ApiClient.Response all = api().get(AUDIT + "?limit=100", other);
        ApiClient.Response ofKey = api().get(AUDIT + "?keyId=" + key.id(), other);
        ApiClient.Response rollOfKey = api().post(KEYS + "/" + key.id() + "/roll", other, null, "");
        ApiClient.Response patchOfKey = api().patch(KEYS + "/" + key.id(), other,
                "application/json", "{\"name\":\"Mine now\"}");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().path("data").findValuesAsText("keyId")).doesNotContain(key.id());
        assertThat(ofKey.json().path("data")).isEmpty();
        assertProblem(rollOfKey, 404, "not_found");
        assertProblem(patchOfKey, 404, "not_found");
        assertThat(secretRows(key.id())).isEqualTo(1);
    }

    // Fields and last use

    @Test
    void showsEveryFieldOfAKeyWithNullsForTheUnset() {
        ApiClient.Response created = createKey("{\"name\":\"Fields\",\"environment\":\"test\","
                + "\"permissions\":[\"instance:read\"]}");

        JsonNode view = get(KEYS + "/" + created.json().path("id").asText()).json();

        assertThat(view.path("createdBy").asText()).isEqualTo(OWNER_EMAIL);
        assertThat(Instant.parse(view.path("createdAt").asText())).isEqualTo(clock.instant());
        for (String unset : List.of("lastUsedAt", "expiresAt", "revokedAt")) {
            assertThat(view.has(unset)).as(unset).isTrue();
            assertThat(view.path(unset).isNull()).as(unset).isTrue();
        }
        assertThat(view.has("key")).isFalse();
    }

    @Test
    void lastUsedAtIsWrittenByTheFlushAndOnlyMovesForward() {
        Key used = newKey("Used", "instance:read");
        Key unused = newKey("Unused", "instance:read");
        Instant usedAt = clock.instant();
        statusWith(used.secret());
        JsonNode beforeFlush = get(KEYS + "/" + used.id()).json();

        usage.flush();
        JsonNode afterFlush = get(KEYS + "/" + used.id()).json();
        clock.advance(Duration.ofMinutes(5));
        usage.flush();
        JsonNode afterIdleFlush = get(KEYS + "/" + used.id()).json();
        usage.record(used.id(), usedAt.minus(Duration.ofHours(1)));
        usage.flush();
        JsonNode afterStaleFlush = get(KEYS + "/" + used.id()).json();

        assertThat(beforeFlush.path("lastUsedAt").isNull()).isTrue();
        assertThat(Instant.parse(afterFlush.path("lastUsedAt").asText())).isEqualTo(usedAt);
        assertThat(Instant.parse(afterIdleFlush.path("lastUsedAt").asText())).isEqualTo(usedAt);
        assertThat(Instant.parse(afterStaleFlush.path("lastUsedAt").asText())).isEqualTo(usedAt);
        assertThat(get(KEYS + "/" + unused.id()).json().path("lastUsedAt").isNull()).isTrue();
    }

    @Test
    void aLaterUseMovesLastUsedAtForward() {
        Key key = newKey("Used twice", "instance:read");
        statusWith(key.secret());
        usage.flush();
        clock.advance(Duration.ofMinutes(3));
        Instant secondUse = clock.instant();

        statusWith(key.secret());
        statusWith(mistyped(key.secret()));
        usage.flush();

        assertThat(Instant.parse(get(KEYS + "/" + key.id()).json().path("lastUsedAt").asText()))
                .isEqualTo(secondUse);
    }

    @Test
    void refusedRequestsAreNoUse() {
        Key key = newKey("Never admitted", "message:send");
        api().delete(KEYS + "/" + key.id(), owner());

        statusWith(key.secret());
        usage.flush();

        assertThat(get(KEYS + "/" + key.id()).json().path("lastUsedAt").isNull()).isTrue();
    }

    // Helpers

    private Key newKey(String name, String... permissions) {
        return newKey(name, null, permissions);
    }

    private Key newKey(String name, Instant expiresAt, String... permissions) {
        String expiry = expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"";
        ApiClient.Response created = createKey("{\"name\":\"" + name + "\",\"environment\":\"test\","
                + "\"permissions\":[\"" + String.join("\",\"", permissions) + "\"]" + expiry + "}");
        assertThat(created.status()).as("create key %s: %d", name, created.status()).isEqualTo(201);
        return new Key(created.json().path("id").asText(), created.json().path("key").asText());
    }

    private ApiClient.Response createKey(String body) {
        return api().postJson(KEYS, owner(), body);
    }

    private ApiClient.Response roll(String keyId, String body) {
        return api().postJson(KEYS + "/" + keyId + "/roll", owner(), body);
    }

    private ApiClient.Response patch(String keyId, String contentType, String body) {
        return api().patch(KEYS + "/" + keyId, owner(), contentType, body);
    }

    private ApiClient.Response get(String path) {
        return api().get(path, owner());
    }

    /** The status a request with this key gets; the endpoint needs {@code instance:read}. */
    private int statusWith(String secret) {
        return api().get(INSTANCES, ApiClient.bearer(secret)).status();
    }

    private List<Integer> statuses(String... secrets) {
        List<Integer> statuses = new ArrayList<>();
        for (String secret : secrets) {
            statuses.add(statusWith(secret));
        }
        return statuses;
    }

    private List<JsonNode> auditOf(String keyId, String action) {
        List<JsonNode> events = new ArrayList<>();
        get(AUDIT + "?limit=100&keyId=" + keyId).json().path("data").forEach(event -> {
            if (event.path("action").asText().equals(action)) {
                events.add(event);
            }
        });
        return events;
    }

    private int secretRows(String keyId) {
        return jdbc.queryForObject("select count(*) from api_key_secret where key_id = ?",
                Integer.class, keyId);
    }

    private long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static List<String> fields(ApiClient.Response response) {
        return response.json().path("errors").findValuesAsText("field");
    }

    private static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo(code);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private static String owner() {
        return ApiClient.basic(OWNER_EMAIL, OWNER_PASSWORD);
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("bouncer-keys-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key with its last character changed: refused, so it must not count as a use. */
    private static String mistyped(String key) {
        char last = key.charAt(key.length() - 1);
        return key.substring(0, key.length() - 1) + (last == 'a' ? 'b' : 'a');
    }

    /** A created key: its id and the full key, which only the creation answer shows. */
    private record Key(String id, String secret) {

        @Override
        public String toString() {
            return "Key[id=" + id + "]";
        }
    }
}
