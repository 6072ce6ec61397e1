package dev.bouncer.host;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncer.host.common.Ids;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.HostAppIT;
import dev.bouncer.host.support.TestKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.timer.TimerConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rules every endpoint of the REST API follows (DESIGN.md), over real HTTP: exact status,
 * problem+json with a stable {@code code}, every bad field named at once, nothing stored on a
 * refusal, and no response that echoes a credential or shows the app's insides.
 */
class ApiRulesIT extends HostAppIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEND = "/api/v1/messages/send";
    private static final String MESSAGES = "/api/v1/messages/";
    private static final String INSTANCES = "/api/v1/instances";
    private static final String DEVELOPER_KEYS = "/api/v1/developer/keys";
    private static final String DEVELOPER_INSTANCES = "/api/v1/developer/instances";
    private static final String PERMISSION_HEADER = "X-Bouncer-Required-Permission";
    private static final String[] ALL_PERMISSIONS = {"message:send", "instance:read",
        "conversation:manage", "contact:read", "contact:write"};
    private static final String GERMAN_MOBILE = "+4915112345678";
    private static final String GRINNING = "\uD83D\uDE00";
    /** The body limit, {@code bouncer.api.max-body-size}: 64 KB. */
    private static final int BODY_LIMIT = 64 * 1024;
    private static final Pattern KEY_FORMAT = Pattern.compile("bnc_(live|test)_[0-9A-Za-z]{46}");
    private static final Pattern PROBLEM_JSON = Pattern.compile("application/problem\\+json(;.*)?");
    /** What a stack trace, an exception or a database error would show. */
    private static final Pattern INTERNALS = Pattern.compile("Exception|Caused by|\\tat "
            + "|\\bat [a-z]+\\.[a-z]|\\b(java|javax|jakarta|org|com)\\.[a-z]+\\.|jdbc:|\\bSQL\\b"
            + "|\\bselect\\b.*\\bfrom\\b|\\binsert into\\b|\\bconstraint\\b|\\bH2\\b",
            Pattern.CASE_INSENSITIVE);
    /** Headers that could carry an echo; the raw-client test looks at all of them. */
    private static final List<String> HEADERS = List.of("WWW-Authenticate", "Location",
            PERMISSION_HEADER, "Content-Type", "Authorization", "Set-Cookie");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Call> calls = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private CamelContext camel;

    @AfterEach
    void noResponseEchoedItsCredentialsOrShowedInternals() {
        for (Call call : calls) {
            ApiClient.Response response = call.response();
            List<String> echoed = new ArrayList<>(List.of(response.body()));
            HEADERS.stream().map(response::header).filter(value -> value != null)
                    .forEach(echoed::add);
            assertThat(echoesAny(echoed, credentialParts(call.authorization())))
                    .as("response %d to %s echoes its Authorization header", response.status(),
                            call.request())
                    .isFalse();
            if (response.status() >= 400) {
                assertNoInternals(call.request(), response.status(), response.body());
            }
        }
    }

    // 401: missing, malformed, unknown, revoked

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource({"GET, /api/v1/instances", "POST, /api/v1/messages/send",
        "GET, /api/v1/messages/msg_0000000000000000000000"})
    void refusesARequestWithoutAuthorizationHeader(String method, String path) {
        ApiClient.Response response = "GET".equals(method)
                ? get(path, null) : postJson(path, null, sendBody("ins_x", GERMAN_MOBILE, "Hi"));

        assertUnauthorized(response, "Bearer");
    }

    @Test
    void refusesBasicCredentialsOnThePublicApi() {
        ApiClient.Response response = get(INSTANCES, owner());

        assertUnauthorized(response, "Bearer");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Bearer garbage", "Bearer", "Bearer  ", "Bearer bnc_test_tooShort",
        "Bearer bnc_prod_0123456789abcdefghijABCDEFGHIJ0123456789",
        "Bearer bnc_test_0123456789abcdefghij-ABCDEFGHIJ0123456789"})
    void refusesAMalformedBearerToken(String authorization) {
        ApiClient.Response response = get(INSTANCES, authorization);

        assertUnauthorized(response, "Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"test", "live"})
    void refusesAWellFormedButUnknownKey(String environment) {
        String unknown = TestKeys.wellFormedUnknown(environment);
        secrets.add(unknown);

        ApiClient.Response response = get(INSTANCES, ApiClient.bearer(unknown));

        assertThat(KEY_FORMAT.matcher(unknown).matches()).as("the unknown key is well-formed")
                .isTrue();
        assertUnauthorized(response, "Bearer");
        assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void refusesAMistypedKeyExactlyLikeAnUnknownOne() {
        Key key = newKey("test", "instance:read");
        String secret = key.secret();
        char changed = secret.charAt(20) == 'a' ? 'b' : 'a';
        String mistyped = secret.substring(0, 20) + changed + secret.substring(21);
        String unknown = TestKeys.wellFormedUnknown("test");
        secrets.add(mistyped);
        secrets.add(unknown);

        ApiClient.Response mistypedAnswer = get(INSTANCES, ApiClient.bearer(mistyped));
        ApiClient.Response unknownAnswer = get(INSTANCES, ApiClient.bearer(unknown));
        ApiClient.Response truncatedAnswer = get(INSTANCES, ApiClient.bearer(secret.substring(0, 49)));

        assertUnauthorized(mistypedAnswer, "Bearer");
        assertUnauthorized(truncatedAnswer, "Bearer");
        assertThat(mistypedAnswer.body()).isEqualTo(unknownAnswer.body());
        assertThat(mistypedAnswer.header("WWW-Authenticate"))
                .isEqualTo(unknownAnswer.header("WWW-Authenticate"));
    }

    @Test
    void refusesARevokedKeyFromTheNextRequestOn() {
        Key key = newKey("test", "instance:read");
        ApiClient.Response beforeRevocation = get(INSTANCES, key.bearer());

        ApiClient.Response revocation = delete(DEVELOPER_KEYS + "/" + key.id(), owner());
        ApiClient.Response afterRevocation = get(INSTANCES, key.bearer());

        assertThat(beforeRevocation.status()).as(describe(beforeRevocation)).isEqualTo(200);
        assertThat(revocation.status()).as(describe(revocation)).isEqualTo(200);
        assertThat(revocation.json().path("revokedAt").asText()).isNotBlank();
        assertUnauthorized(afterRevocation, "Bearer");
    }

    // Developer settings: owner credentials only

    @ParameterizedTest
    @ValueSource(strings = {DEVELOPER_KEYS, DEVELOPER_INSTANCES, "/api/v1/developer/audit"})
    void developerSettingsRefuseAnApiKey(String path) {
        Key key = newKey("live", ALL_PERMISSIONS);

        ApiClient.Response response = get(path, key.bearer());

        assertUnauthorized(response, "Basic");
    }

    @Test
    void developerSettingsRefuseAnApiKeyThatTriesToCreateKeys() {
        Key key = newKey("live", ALL_PERMISSIONS);
        long keysBefore = rows("api_key");

        ApiClient.Response response = postJson(DEVELOPER_KEYS, key.bearer(),
                keyBody("escalation", "live", ALL_PERMISSIONS));

        assertUnauthorized(response, "Basic");
        assertThat(rows("api_key")).isEqualTo(keysBefore);
    }

    @Test
    void developerSettingsRefuseAnApiKeyThatTriesToRollOrWidenItself() {
        Key key = newKey("test", "instance:read");
        long secretsBefore = rows("api_key_secret");

        ApiClient.Response roll = postJson(DEVELOPER_KEYS + "/" + key.id() + "/roll", key.bearer(),
                "{\"gracePeriod\":\"7d\"}");
        ApiClient.Response widen = recorded("PATCH " + DEVELOPER_KEYS, key.bearer(),
                api().patch(DEVELOPER_KEYS + "/" + key.id(), key.bearer(), "application/json",
                        keyBody("widened", "test", ALL_PERMISSIONS).replace(",\"environment\":\"test\"", "")));

        assertUnauthorized(roll, "Basic");
        assertUnauthorized(widen, "Basic");
        assertThat(rows("api_key_secret")).isEqualTo(secretsBefore);
        assertForbidden(get(MESSAGES + "msg_" + Ids.randomBase62(22), key.bearer()), "message:send");
    }

    @ParameterizedTest
    @ValueSource(strings = {DEVELOPER_KEYS, DEVELOPER_INSTANCES})
    void developerSettingsRefuseWrongOrMissingOwnerCredentials(String path) {
        ApiClient.Response wrongPassword =
                get(path, ApiClient.basic(OWNER_EMAIL, OWNER_PASSWORD + " 2"));
        ApiClient.Response unknownOwner =
                get(path, ApiClient.basic("nobody@example.test", OWNER_PASSWORD));
        ApiClient.Response noCredentials = get(path, null);

        assertUnauthorized(wrongPassword, "Basic");
        assertUnauthorized(unknownOwner, "Basic");
        assertUnauthorized(noCredentials, "Basic");
    }

    // 403: a valid key without the permission

    @Test
    void refusesSendingWithoutSendPermissionNamingIt() {
        Key key = newKey("test", "instance:read");

        ApiClient.Response response = postJson(SEND, key.bearer(),
                sendBody(sandboxInstanceId(), GERMAN_MOBILE, "Hello"));

        assertForbidden(response, "message:send");
    }

    @Test
    void refusesReadingAMessageWithoutSendPermissionNamingIt() {
        Key key = newKey("test", "instance:read");

        ApiClient.Response response = get(MESSAGES + "msg_" + Ids.randomBase62(22), key.bearer());

        assertForbidden(response, "message:send");
    }

    @Test
    void refusesListingInstancesWithoutInstanceReadPermissionNamingIt() {
        Key key = newKey("live", "message:send");

        ApiClient.Response response = get(INSTANCES, key.bearer());

        assertForbidden(response, "instance:read");
    }

    // 404: other environments' ids do not exist for a key

    @Test
    void testKeyCannotSendThroughALiveInstance() {
        String liveInstance = registerLiveInstance();
        Key key = newKey("test", "message:send");

        ApiClient.Response response = postJson(SEND, key.bearer(),
                sendBody(liveInstance, GERMAN_MOBILE, "Hello"));

        assertProblem(response, 404, "not_found");
    }

    @Test
    void liveKeyCannotSendThroughTheSandbox() {
        String sandbox = sandboxInstanceId();
        Key key = newKey("live", "message:send");

        ApiClient.Response response = postJson(SEND, key.bearer(),
                sendBody(sandbox, GERMAN_MOBILE, "Hello"));

        assertProblem(response, 404, "not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"test", "live"})
    void answersNotFoundForAnUnknownInstance(String environment) {
        Key key = newKey(environment, "message:send");

        ApiClient.Response response = postJson(SEND, key.bearer(),
                sendBody("ins_" + Ids.randomBase62(22), GERMAN_MOBILE, "Hello"));

        assertProblem(response, 404, "not_found");
    }

    @Test
    void answersAnotherEnvironmentsInstanceExactlyLikeAnUnknownOne() {
        String liveInstance = registerLiveInstance();
        String unknownInstance = "ins_" + Ids.randomBase62(22);
        Key key = newKey("test", "message:send");

        ApiClient.Response existing = postJson(SEND, key.bearer(),
                sendBody(liveInstance, GERMAN_MOBILE, "Hello"));
        ApiClient.Response unknown = postJson(SEND, key.bearer(),
                sendBody(unknownInstance, GERMAN_MOBILE, "Hello"));

        assertProblem(existing, 404, "not_found");
        assertThat(withoutId(existing.json(), liveInstance))
                .isEqualTo(withoutId(unknown.json(), unknownInstance));
    }

    @Test
    void answersNotFoundForAMessageOfAnotherEnvironment() {
        Key testKey = newKey("test", "message:send");
        Key liveKey = newKey("live", "message:send");
        ApiClient.Response accepted = postJson(SEND, testKey.bearer(),
                sendBody(sandboxInstanceId(), GERMAN_MOBILE, "Hello"));
        String messageId = accepted.json().path("id").asText();

        ApiClient.Response fromLiveKey = get(MESSAGES + messageId, liveKey.bearer());
        ApiClient.Response fromTestKey = get(MESSAGES + messageId, testKey.bearer());

        assertThat(accepted.status()).as(describe(accepted)).isEqualTo(202);
        assertProblem(fromLiveKey, 404, "not_found");
        assertThat(fromTestKey.status()).as(describe(fromTestKey)).isEqualTo(200);
    }

    @Test
    void answersNotFoundForAnUnknownMessage() {
        Key key = newKey("live", "message:send");

        ApiClient.Response response = get(MESSAGES + "msg_" + Ids.randomBase62(22), key.bearer());

        assertProblem(response, 404, "not_found");
    }

    // 400: not JSON

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{", "{\"instanceId\":", "not json", "{'instanceId':'ins_x'}",
        "{\"to\":\"+4915112345678\",}", "{\"message\":\"unterminated}", "{\"to\": NaN}",
        "<send><to>+4915112345678</to></send>"})
    void refusesUnparseableJson(String body) {
        Key key = newKey("test", "message:send");

        ApiClient.Response response = postJson(SEND, key.bearer(), body);

        assertProblem(response, 400, "malformed_json");
    }

    @Test
    void refusesTextAfterTheJsonDocument() {
        Key key = newKey("test", "message:send");
        String valid = "{\"instanceId\":\"" + sandboxInstanceId()
                + "\",\"to\":\"+4915112345678\",\"message\":\"hi\"}";

        ApiClient.Response trailingText = postJson(SEND, key.bearer(), valid + " trailing");
        ApiClient.Response secondDocument = postJson(SEND, key.bearer(), valid + "{}");

        assertProblem(trailingText, 400, "malformed_json");
        assertProblem(secondDocument, 400, "malformed_json");
    }

    @Test
    void answersOptionsWithoutAnError() throws Exception {
        Key key = newKey("test", "message:send");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/instances"))
                        .header("Authorization", key.bearer())
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(
                allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void refusesAnEmptyBody() {
        Key key = newKey("test", "message:send");

        ApiClient.Response response = postJson(SEND, key.bearer(), "");

        assertProblem(response, 400, "malformed_json");
    }

    @Test
    void refusesJsonWithADuplicateKey() {
        Key key = newKey("test", "message:send");

        ApiClient.Response response = postJson(SEND, key.bearer(), "{\"instanceId\":\""
                + sandboxInstanceId() + "\",\"to\":\"a\",\"to\":\"b\",\"message\":\"Hello\"}");

        assertProblem(response, 400, "malformed_json");
    }

    // 415: not declared as JSON

    @ParameterizedTest(name = "[{index}] Content-Type: {0}")
    @NullSource
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void refusesABodyThatIsNotDeclaredAsJson(String contentType) {
        Key key = newKey("test", "message:send");

        ApiClient.Response response = post(SEND, key.bearer(), contentType,
                sendBody(sandboxInstanceId(), GERMAN_MOBILE, "Hello"));

        assertProblem(response, 415, "unsupported_media_type");
    }

    // 422: every bad field at once

    @Test
    void namesEveryMissingField() {
        Key key = newKey("test", "message:send");

        ApiClient.Response response = postJson(SEND, key.bearer(), "{}");

        Map<String, String> errors = assertInvalidFields(response, "instanceId", "to", "message");
        assertThat(errors.values()).containsOnly("is required");
    }

    @Test
    void namesEveryFieldOfTheWrongType() {
        Key key = newKey("test", "message:send");

        ApiClient.Response response = postJson(SEND, key.bearer(),
                "{\"instanceId\":42,\"to\":4915112345678,\"message\":[\"Hello\"]}");

        Map<String, String> errors = assertInvalidFields(response, "instanceId", "to", "message");
        assertThat(errors.values()).containsOnly("must be a string");
    }

    @Test
    void namesAnUnknownField() {
        Key key = newKey("test", "message:send");
        ObjectNode body = sendNode(sandboxInstanceId(), GERMAN_MOBILE, "Hello")
                .put("priority", "high");

        ApiClient.Response response = postJson(SEND, key.bearer(), body.toString());

        Map<String, String> errors = assertInvalidFields(response, "priority");
        assertThat(errors.get("priority")).isEqualTo("is not a known field");
    }

    @Test
    void namesAllBadFieldsOfOneRequestTogether() {
        Key key = newKey("test", "message:send");
        ObjectNode body = sendNode("", "123-456@g.us", " \t ").put("scheduledAt", "tomorrow");

        ApiClient.Response response = postJson(SEND, key.bearer(), body.toString());

        assertInvalidFields(response, "instanceId", "to", "message", "scheduledAt");
        assertThat(response.json().path("detail").asText()).isEqualTo("4 fields are invalid.");
    }

    @Test
    void refusesABodyThatIsAJsonArray() {
        Key key = newKey("test", "message:send");
        ArrayNode body = JSON.createArrayNode()
                .add(sendNode(sandboxInstanceId(), GERMAN_MOBILE, "Hi"));

        ApiClient.Response response = postJson(SEND, key.bearer(), body.toString());

        Map<String, String> errors = assertInvalidFields(response, "body");
        assertThat(errors.get("body")).isEqualTo("must be a JSON object");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", "     ", "\t\n", "\r\n", "\u00a0", "\u200b", " \u200b\u00a0\n"})
    void refusesABlankMessage(String message) {
        Key key = newKey("test", "message:send");

        ApiClient.Response response = postJson(SEND, key.bearer(),
                sendBody(sandboxInstanceId(), GERMAN_MOBILE, message));

        Map<String, String> errors = assertInvalidFields(response, "message");
        assertThat(errors.get("message")).contains("blank");
    }

    @Test
    void refusesOneEmojiMoreThan4096() {
        Key key = newKey("test", "message:send");

        ApiClient.Response response = postJson(SEND, key.bearer(),
                sendBody(sandboxInstanceId(), GERMAN_MOBILE, GRINNING.repeat(4097)));

        Map<String, String> errors = assertInvalidFields(response, "message");
        assertThat(errors.get("message")).contains("4096").contains("4097");
    }

    @Test
    void accepts4096EmojiBecauseWhatsAppCountsCodePoints() {
        Key key = newKey("test", "message:send");
        String text = GRINNING.repeat(4096);

        ApiClient.Response response = postJson(SEND, key.bearer(),
                sendBody(sandboxInstanceId(), GERMAN_MOBILE, text));

        assertThat(response.status()).as(describe(response)).isEqualTo(202);
        ApiClient.Response stored =
                get(MESSAGES + response.json().path("id").asText(), key.bearer());
        assertThat(stored.json().path("message").asText()).isEqualTo(text);
    }

    @Test
    void refusesANulCharacter() {
        Key key = newKey("test", "message:send");

        ApiClient.Response response = postJson(SEND, key.bearer(),
                sendBody(sandboxInstanceId(), GERMAN_MOBILE, "Hello\u0000world"));

        Map<String, String> errors = assertInvalidFields(response, "message");
        assertThat(errors.get("message")).contains("control characters");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\": {1}")
    @CsvSource(delimiter = '|', textBlock = """
            123-456@g.us|group
            120363025246125486@g.us|group
            0151 1234567|country code
            +49 151 CALL ME|phone number
            49151abc45678|phone number
            """)
    void refusesARecipientThatIsNoPhoneNumberSayingWhy(String to, String reason) {
        Key key = newKey("test", "message:send");

        ApiClient.Response response = postJson(SEND, key.bearer(),
                sendBody(sandboxInstanceId(), to, "Hello"));

        Map<String, String> errors = assertInvalidFields(response, "to");
        assertThat(errors.get("to")).contains(reason);
    }

    // 413: above 64 KB

    @Test
    void refusesABodyAboveTheLimit() {
        Key key = newKey("test", "message:send");

        ApiClient.Response response = postJson(SEND, key.bearer(),
                sendBody(sandboxInstanceId(), GERMAN_MOBILE, "a".repeat(70_000)));

        assertProblem(response, 413, "payload_too_large");
    }

    @Test
    void drawsTheSizeLimitAtExactly64Kilobytes() {
        Key key = newKey("test", "message:send");

        ApiClient.Response atLimit = postJson(SEND, key.bearer(), bodyOfBytes(BODY_LIMIT));
        ApiClient.Response aboveLimit = postJson(SEND, key.bearer(), bodyOfBytes(BODY_LIMIT + 1));

        assertInvalidFields(atLimit, "message");
        assertProblem(aboveLimit, 413, "payload_too_large");
    }

    @Test
    void refusesAChunkedBodyAboveTheLimit() {
        Key key = newKey("test", "message:send");
        byte[] body = sendBody(sandboxInstanceId(), GERMAN_MOBILE, "a".repeat(100_000))
                .getBytes(UTF_8);
        long before = outboxRowsOnceStartupPipelinesRan();

        HttpResponse<String> response = raw(HttpRequest.newBuilder(uri(SEND))
                .header("Authorization", key.bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body))));

        assertProblem(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body(),
                413, "payload_too_large");
        assertThat(outboxRows()).isEqualTo(before);
    }

    // Recipients are normalised to E.164

    @ParameterizedTest(name = "[{index}] \"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +49 151 1234 5678|+4915112345678
            0049 151 12345678|+4915112345678
            4915112345678|+4915112345678
            4915112345678@s.whatsapp.net|+4915112345678
            4915112345678@c.us|+4915112345678
            (+1) 555-010-0001|+15550100001
            """)
    void normalisesAcceptedNotationsToE164(String to, String e164) {
        Key key = newKey("test", "message:send");

        ApiClient.Response response = postJson(SEND, key.bearer(),
                sendBody(sandboxInstanceId(), to, "Hello"));

        assertThat(response.status()).as(describe(response)).isEqualTo(202);
        assertThat(response.json().path("to").asText()).isEqualTo(e164);
    }

    // Nothing is stored on a refusal

    @Test
    void storesNothingForAnyRefusedSend() {
        Key sender = newKey("test", "message:send");
        Key reader = newKey("test", "instance:read");
        String sandbox = sandboxInstanceId();
        String liveInstance = registerLiveInstance();
        String valid = sendBody(sandbox, GERMAN_MOBILE, "Hello");
        String unknownInstance = "ins_" + Ids.randomBase62(22);
        long before = outboxRowsOnceStartupPipelinesRan();

        List<ApiClient.Response> refusals = List.of(
                postJson(SEND, null, valid),
                postJson(SEND, "Bearer garbage", valid),
                postJson(SEND, reader.bearer(), valid),
                postJson(SEND, sender.bearer(), sendBody(liveInstance, GERMAN_MOBILE, "Hello")),
                postJson(SEND, sender.bearer(), sendBody(unknownInstance, GERMAN_MOBILE, "Hi")),
                postJson(SEND, sender.bearer(), "{\"instanceId\":"),
                postJson(SEND, sender.bearer(), valid.replace("\"to\"", "\"to\":\"b\",\"to\"")),
                post(SEND, sender.bearer(), "text/plain", valid),
                postJson(SEND, sender.bearer(), "{}"),
                postJson(SEND, sender.bearer(), valid.replace("}", ",\"priority\":\"high\"}")),
                postJson(SEND, sender.bearer(), sendBody(sandbox, "123-456@g.us", "Hello")),
                postJson(SEND, sender.bearer(),
                        sendBody(sandbox, GERMAN_MOBILE, GRINNING.repeat(4097))),
                postJson(SEND, sender.bearer(),
                        sendBody(sandbox, GERMAN_MOBILE, "a".repeat(70_000))));

        assertThat(refusals).extracting(ApiClient.Response::status)
                .containsExactly(401, 401, 403, 404, 404, 400, 400, 415, 422, 422, 422, 422, 413);
        assertThat(outboxRows()).isEqualTo(before);
    }

    // Keys

    @ParameterizedTest
    @ValueSource(strings = {"test", "live"})
    void createsAKeyAndShowsItOnlyInTheCreationAnswer(String environment) {
        ApiClient.Response created = postJson(DEVELOPER_KEYS, owner(),
                keyBody("Checkout service", environment, "message:send", "instance:read"));
        String key = created.json().path("key").asText();
        secrets.add(key);
        String id = created.json().path("id").asText();

        ApiClient.Response listed = get(DEVELOPER_KEYS, owner());
        ApiClient.Response used = get(INSTANCES, ApiClient.bearer(key));

        assertThat(created.status()).as(describe(created)).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(id).startsWith("key_");
        assertThat(body.path("name").asText()).isEqualTo("Checkout service");
        assertThat(body.path("environment").asText()).isEqualTo(environment);
        assertThat(body.path("permissions")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("message:send", "instance:read");
        assertThat(Instant.parse(body.path("createdAt").asText()))
                .isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(key.startsWith("bnc_" + environment + "_") && KEY_FORMAT.matcher(key).matches())
                .as("the key is bnc_%s_ and 46 base62 characters", environment).isTrue();
        assertThat(TestKeys.withChecksum(key.substring(0, key.length() - 6))).as("checksum")
                .isEqualTo(key);
        assertThat(created.header("Location")).isEqualTo(DEVELOPER_KEYS + "/" + id);
        assertThat(created.header("Cache-Control")).contains("no-store");
        assertThat(used.status()).as(describe(used)).isEqualTo(200);

        assertThat(listed.status()).as(describe(listed)).isEqualTo(200);
        assertThat(listed.body().contains(key)).as("the key list contains a full key").isFalse();
        assertThat(listed.body().contains(secretPart(key)))
                .as("the key list contains a key's secret part").isFalse();
        JsonNode entry = entryWithId(listed.json(), id);
        assertThat(entry.has("key")).as("the listed key has a 'key' field").isFalse();
        assertThat(entry.path("keyHint").asText())
                .isEqualTo("bnc_" + environment + "_..." + key.substring(key.length() - 4));
    }

    @Test
    void refusesAnInvalidKeyNamingEveryField() {
        long keysBefore = rows("api_key");

        ApiClient.Response response = postJson(DEVELOPER_KEYS, owner(), "{\"name\":\" \","
                + "\"environment\":\"production\","
                + "\"permissions\":[\"message:send\",\"messages:sned\",\"contact:delete\"],"
                + "\"expires\":\"never\"}");

        Map<String, String> errors = assertInvalidFields(response,
                "name", "environment", "permissions", "permissions", "expires");
        assertThat(errors.get("environment")).contains("'live'").contains("'test'");
        assertThat(errors.get("permissions"))
                .contains("'messages:sned'").contains("'contact:delete'");
        assertThat(rows("api_key")).isEqualTo(keysBefore);
    }

    @Test
    void refusesAKeyWithoutPermissions() {
        long keysBefore = rows("api_key");

        ApiClient.Response response = postJson(DEVELOPER_KEYS, owner(), keyBody("Nothing", "test"));

        Map<String, String> errors = assertInvalidFields(response, "permissions");
        assertThat(errors.get("permissions")).contains("at least one");
        assertThat(rows("api_key")).isEqualTo(keysBefore);
    }

    @Test
    void refusesAKeyMissingOrMistypingEveryField() {
        ApiClient.Response missing = postJson(DEVELOPER_KEYS, owner(), "{}");
        ApiClient.Response mistyped = postJson(DEVELOPER_KEYS, owner(),
                "{\"name\":7,\"environment\":[\"test\"],\"permissions\":\"message:send\"}");

        assertInvalidFields(missing, "name", "environment", "permissions");
        assertInvalidFields(mistyped, "name", "environment", "permissions");
    }

    // Instances

    @Test
    void refusesACloudApiInstanceWithoutItsCredentials() {
        long instancesBefore = rows("instance");

        ApiClient.Response emptyConfig = postJson(DEVELOPER_INSTANCES, owner(),
                instanceBody("live", "cloud-api", JSON.createObjectNode()));
        ApiClient.Response noConfig = postJson(DEVELOPER_INSTANCES, owner(),
                instanceBody("live", "cloud-api", null));

        assertInvalidFields(emptyConfig, "config.phoneNumberId", "config.accessToken");
        assertInvalidFields(noConfig, "config.phoneNumberId", "config.accessToken");
        assertThat(rows("instance")).isEqualTo(instancesBefore);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"ftp://graph.example.test", "file:///etc/passwd", "javascript:alert(1)",
        "graph.example.test", "https://user:secret@graph.example.test",
        "https://graph.example.test/?debug=1", "https://graph.example.test/#x", "http://", " "})
    void refusesABaseUrlThatIsNotAPlainHttpUrl(String baseUrl) {
        long instancesBefore = rows("instance");

        ApiClient.Response response = postJson(DEVELOPER_INSTANCES, owner(),
                instanceBody("live", "cloud-api", cloudConfig("token").put("baseUrl", baseUrl)));

        Map<String, String> errors = assertInvalidFields(response, "config.baseUrl");
        assertThat(errors.get("config.baseUrl")).contains("http");
        assertThat(rows("instance")).isEqualTo(instancesBefore);
    }

    @Test
    void refusesAnOverlongBaseUrl() {
        String baseUrl = "https://graph.example.test/" + "a".repeat(5000);

        ApiClient.Response response = postJson(DEVELOPER_INSTANCES, owner(),
                instanceBody("live", "cloud-api", cloudConfig("token").put("baseUrl", baseUrl)));

        assertInvalidFields(response, "config.baseUrl");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {" ", "token with spaces", "token\nwith-line-break", "tab\tseparated"})
    void refusesAnAccessTokenThatCannotBeOne(String token) {
        secrets.add(token.strip());

        ApiClient.Response response = postJson(DEVELOPER_INSTANCES, owner(),
                instanceBody("live", "cloud-api", cloudConfig(token)));

        assertInvalidFields(response, "config.accessToken");
    }

    @Test
    void refusesAnAccessTokenThatIsTooLongWithoutEchoingIt() {
        String asciiToken = "EAAG" + Ids.randomBase62(1997);
        String unicodeToken = "\u00e9".repeat(2000);
        secrets.add(asciiToken);
        secrets.add(unicodeToken);

        ApiClient.Response ascii = postJson(DEVELOPER_INSTANCES, owner(),
                instanceBody("live", "cloud-api", cloudConfig(asciiToken)));
        ApiClient.Response unicode = postJson(DEVELOPER_INSTANCES, owner(),
                instanceBody("live", "cloud-api", cloudConfig(unicodeToken)));

        assertInvalidFields(ascii, "config.accessToken");
        assertInvalidFields(unicode, "config.accessToken");
        assertThat(ascii.body().contains(asciiToken)).as("the answer echoes the token").isFalse();
    }

    @Test
    void refusesCloudApiForTestInstances() {
        ApiClient.Response response = postJson(DEVELOPER_INSTANCES, owner(),
                instanceBody("test", "cloud-api", cloudConfig("synthetic-token")));

        Map<String, String> errors = assertInvalidFields(response, "provider");
        assertThat(errors.get("provider")).contains("sandbox");
    }

    @Test
    void refusesTheSandboxForLiveInstances() {
        ApiClient.Response response = postJson(DEVELOPER_INSTANCES, owner(),
                instanceBody("live", "sandbox", JSON.createObjectNode()));

        Map<String, String> errors = assertInvalidFields(response, "provider");
        assertThat(errors.get("provider")).contains("sandbox");
    }

    @Test
    void refusesAnUnknownProviderNamingTheSupportedOnes() {
        ApiClient.Response response = postJson(DEVELOPER_INSTANCES, owner(),
                instanceBody("live", "telegram", JSON.createObjectNode()));

        Map<String, String> errors = assertInvalidFields(response, "provider");
        assertThat(errors.get("provider")).contains("'cloud-api'").contains("'sandbox'");
    }

    @Test
    void refusesAnInvalidInstanceNamingEveryField() {
        long instancesBefore = rows("instance");

        ApiClient.Response response = postJson(DEVELOPER_INSTANCES, owner(),
                "{\"name\":\"\",\"environment\":\"staging\",\"provider\":\"telegram\","
                        + "\"colour\":\"red\"}");

        assertInvalidFields(response, "name", "environment", "provider", "colour");
        assertThat(rows("instance")).isEqualTo(instancesBefore);
    }

    @Test
    void neverShowsTheAccessTokenOnceRegistered() {
        String token = "EAAG" + Ids.randomBase62(60);
        secrets.add(token);
        Key reader = newKey("live", "instance:read");

        ApiClient.Response registered = postJson(DEVELOPER_INSTANCES, owner(),
                instanceBody("live", "cloud-api", cloudConfig(token)));
        ApiClient.Response ownerList = get(DEVELOPER_INSTANCES, owner());
        ApiClient.Response keyList = get(INSTANCES, reader.bearer());

        assertThat(registered.status()).as(describe(registered)).isEqualTo(201);
        JsonNode config = registered.json().path("config");
        assertThat(config.path("phoneNumberId").asText()).isEqualTo("100000000000042");
        assertThat(config.has("accessToken")).as("the answer has config.accessToken").isFalse();
        assertThat(ownerList.status()).isEqualTo(200);
        assertThat(keyList.status()).isEqualTo(200);
        for (ApiClient.Response response : List.of(registered, ownerList, keyList)) {
            assertThat(response.body().contains(token)).as("an answer contains the access token")
                    .isFalse();
            assertThat(response.body().contains(token.substring(4)))
                    .as("an answer contains the access token's random part").isFalse();
        }
    }

    // Errors outside the controllers are problem+json too

    @Test
    void answersRequestsTheFirewallRejectsAsProblemJson() {
        Key key = newKey("test", "instance:read");

        ApiClient.Response doubleSlash = get("/api//v1/instances", key.bearer());
        ApiClient.Response pathParameter = get("/api/v1/instances;x=1", key.bearer());

        assertProblem(doubleSlash, 400, "bad_request");
        assertProblem(pathParameter, 400, "bad_request");
    }

    @Test
    void answersUnknownEndpointsAndMethodsAsProblemJson() {
        Key key = newKey("test", ALL_PERMISSIONS);

        ApiClient.Response unknownEndpoint = get("/api/v1/nothing-here", key.bearer());
        ApiClient.Response unsupportedMethod = delete(INSTANCES, key.bearer());
        ApiClient.Response errorPage = get("/error", null);

        assertProblem(unknownEndpoint, 404, "not_found");
        assertProblem(unsupportedMethod, 405, "method_not_allowed");
        assertProblem(errorPage, 404, "not_found");
    }

    // No response echoes the Authorization header, in any header

    @Test
    void noResponseHeaderEchoesTheAuthorizationHeader() {
        Key key = newKey("test", "instance:read");
        String unknownKey = TestKeys.wellFormedUnknown("test");
        secrets.add(unknownKey);
        List<String> authorizations = List.of(key.bearer(), ApiClient.bearer(unknownKey),
                "Bearer garbage-token", owner(), ApiClient.basic(OWNER_EMAIL, "wrong password"));
        List<String> paths = List.of(INSTANCES, SEND, MESSAGES + "msg_" + Ids.randomBase62(22),
                DEVELOPER_KEYS, "/api/v1/nothing-here");

        for (String authorization : authorizations) {
            for (String path : paths) {
                HttpResponse<String> response = raw(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", authorization).GET());

                List<String> echoed = new ArrayList<>(List.of(response.body()));
                response.headers().map().values().forEach(echoed::addAll);
                assertThat(echoesAny(echoed, credentialParts(authorization)))
                        .as("response %d to GET %s echoes its Authorization header",
                                response.statusCode(), path)
                        .isFalse();
                if (response.statusCode() >= 400) {
                    assertNoInternals("GET " + path, response.statusCode(), response.body());
                }
            }
        }
    }

    // Assertions

    private void assertProblem(ApiClient.Response response, int status, String code) {
        assertProblem(response.status(), response.header("Content-Type"), response.body(), status,
                code);
    }

    private void assertProblem(int actualStatus, String contentType, String body, int status,
            String code) {
        Supplier<String> description = () -> redact(actualStatus + " " + body);
        assertThat(actualStatus).as(description).isEqualTo(status);
        assertThat(contentType).as(description).matches(PROBLEM_JSON);
        JsonNode problem = parse(body);
        assertThat(problem.path("code").asText()).as(description).isEqualTo(code);
        assertThat(problem.path("status").asInt()).as(description).isEqualTo(status);
        assertThat(problem.path("title").asText()).as(description).isNotBlank();
        assertThat(problem.path("detail").asText()).as(description).isNotBlank();
    }

    private void assertUnauthorized(ApiClient.Response response, String scheme) {
        assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith(scheme + " ");
    }

    private void assertForbidden(ApiClient.Response response, String permission) {
        assertProblem(response, 403, "forbidden");
        assertThat(response.json().path("requiredPermission").asText()).isEqualTo(permission);
        assertThat(response.json().path("detail").asText()).contains("'" + permission + "'");
        assertThat(response.header(PERMISSION_HEADER)).isEqualTo(permission);
    }

    /** Asserts a 422 naming exactly these fields, each with a message; returns them by field. */
    private Map<String, String> assertInvalidFields(ApiClient.Response response, String... fields) {
        assertProblem(response, 422, "validation_failed");
        JsonNode errors = response.json().path("errors");
        assertThat(errors.isArray()).as(describe(response)).isTrue();
        List<String> named = new ArrayList<>();
        Map<String, String> messages = new LinkedHashMap<>();
        for (JsonNode error : errors) {
            String field = error.path("field").asText();
            String message = error.path("message").asText();
            assertThat(message).as("message for %s", field).isNotBlank();
            named.add(field);
            messages.merge(field, message, (first, second) -> first + "; " + second);
        }
        assertThat(named).as(describe(response)).containsExactlyInAnyOrder(fields);
        return messages;
    }

    private void assertNoInternals(String request, int status, String body) {
        assertThat(INTERNALS.matcher(body).find())
                .as(() -> "response " + status + " to " + request + " shows internals: "
                        + redact(body))
                .isFalse();
        JsonNode problem = parse(body);
        assertThat(problem.has("trace") || problem.has("exception") || problem.has("stackTrace"))
                .as(() -> "response " + status + " to " + request + " has a trace field")
                .isFalse();
    }

    // HTTP, recorded for the checks after each test

    private ApiClient.Response get(String path, String authorization) {
        return recorded("GET " + path, authorization, api().get(path, authorization));
    }

    private ApiClient.Response delete(String path, String authorization) {
        return recorded("DELETE " + path, authorization, api().delete(path, authorization));
    }

    private ApiClient.Response postJson(String path, String authorization, String json) {
        return post(path, authorization, "application/json", json);
    }

    private ApiClient.Response post(String path, String authorization, String contentType,
            String body) {
        return recorded("POST " + path, authorization,
                api().post(path, authorization, contentType, body));
    }

    private ApiClient.Response recorded(String request, String authorization,
            ApiClient.Response response) {
        calls.add(new Call(request, authorization, response));
        return response;
    }

    private HttpResponse<String> raw(HttpRequest.Builder request) {
        try {
            return http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    // Fixtures

    private Key newKey(String environment, String... permissions) {
        ApiClient.Response created = postJson(DEVELOPER_KEYS, owner(),
                keyBody("api rules", environment, permissions));
        assertThat(created.status()).as(() -> redact(created.toString())).isEqualTo(201);
        Key key = new Key(created.json().path("id").asText(), created.json().path("key").asText());
        secrets.add(key.secret());
        return key;
    }

    private String sandboxInstanceId() {
        for (JsonNode instance : get(DEVELOPER_INSTANCES, owner()).json().path("data")) {
            if (instance.path("provider").asText().equals("sandbox")) {
                return instance.path("id").asText();
            }
        }
        throw new AssertionError("The default workspace has no sandbox instance");
    }

    private String registerLiveInstance() {
        String token = "synthetic-token-" + Ids.randomBase62(20);
        secrets.add(token);
        return registerCloudInstance("100000000000041", token);
    }

    /**
     * Rows of the outbox, counted once the repository's pipelines have run: their one-shot
     * timers enqueue a message of their own shortly after start-up.
     */
    private long outboxRowsOnceStartupPipelinesRan() {
        await().atMost(Duration.ofSeconds(20)).during(Duration.ofMillis(200))
                .until(() -> camel.getRoutes().stream().allMatch(this::hasNoPendingOneShotTimer));
        return outboxRows();
    }

    private boolean hasNoPendingOneShotTimer(Route route) {
        if (!(route.getConsumer() instanceof TimerConsumer timer) || timer.getRepeatCount() <= 0) {
            return true;
        }
        return timer.getCounter() >= timer.getRepeatCount()
                && camel.getInflightRepository().size(route.getRouteId()) == 0;
    }

    private long outboxRows() {
        return rows("outbox_message");
    }

    private long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static String sendBody(String instanceId, String to, String message) {
        return sendNode(instanceId, to, message).toString();
    }

    private static ObjectNode sendNode(String instanceId, String to, String message) {
        return JSON.createObjectNode().put("instanceId", instanceId).put("to", to)
                .put("message", message);
    }

    /** A send body of exactly {@code size} bytes, all ASCII; its message is far too long. */
    private static String bodyOfBytes(int size) {
        String empty = sendBody("ins_x", GERMAN_MOBILE, "");
        return sendBody("ins_x", GERMAN_MOBILE, "a".repeat(size - empty.length()));
    }

    private static String keyBody(String name, String environment, String... permissions) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("environment", environment);
        ArrayNode list = body.putArray("permissions");
        for (String permission : permissions) {
            list.add(permission);
        }
        return body.toString();
    }

    private static ObjectNode cloudConfig(String accessToken) {
        return JSON.createObjectNode().put("phoneNumberId", "100000000000042")
                .put("accessToken", accessToken).put("baseUrl", PROVIDER.baseUrl());
    }

    private static String instanceBody(String environment, String provider, ObjectNode config) {
        ObjectNode body = JSON.createObjectNode().put("name", "Shop number")
                .put("environment", environment).put("provider", provider);
        if (config != null) {
            body.set("config", config);
        }
        return body.toString();
    }

    private static JsonNode entryWithId(JsonNode list, String id) {
        for (JsonNode entry : list.path("data")) {
            if (entry.path("id").asText().equals(id)) {
                return entry;
            }
        }
        throw new AssertionError("No entry with id " + id);
    }

    private static JsonNode withoutId(JsonNode problem, String id) {
        ObjectNode copy = problem.deepCopy();
        return copy.put("detail", copy.path("detail").asText().replace(id, "<id>"));
    }

    private static String secretPart(String key) {
        return key.substring(key.indexOf('_', 4) + 1);
    }

    /** The header itself, its credential, and for Basic the decoded password. */
    private static List<String> credentialParts(String authorization) {
        if (authorization == null) {
            return List.of();
        }
        List<String> parts = new ArrayList<>(List.of(authorization.trim()));
        int space = authorization.indexOf(' ');
        if (space > 0) {
            String credential = authorization.substring(space + 1).trim();
            parts.add(credential);
            if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                String decoded = new String(Base64.getDecoder().decode(credential), UTF_8);
                parts.add(decoded.substring(decoded.indexOf(':') + 1));
            }
        }
        // Shorter parts ("Bearer" alone) are words a response may well contain.
        return parts.stream().filter(part -> part.length() >= 7).toList();
    }

    private static boolean echoesAny(List<String> texts, List<String> parts) {
        return texts.stream().anyMatch(text -> parts.stream().anyMatch(text::contains));
    }

    private String describe(ApiClient.Response response) {
        return redact(response.toString());
    }

    private String redact(String text) {
        String redacted = text;
        for (String secret : secrets) {
            if (!secret.isBlank()) {
                redacted = redacted.replace(secret, "<secret>");
            }
        }
        return redacted;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("The body is not JSON");
        }
    }

    /** A created key: its id and the full key, which only the creation answer shows. */
    private record Key(String id, String secret) {

        String bearer() {
            return ApiClient.bearer(secret);
        }

        @Override
        public String toString() {
            return "Key[id=" + id + "]";
        }
    }

    /** One request of a test and its response, checked after the test. */
    private record Call(String request, String authorization, ApiClient.Response response) {
    }
}
