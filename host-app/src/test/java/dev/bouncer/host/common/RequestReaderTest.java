package dev.bouncer.host.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader collects every problem of a body, so one 422 names all bad fields. */
class RequestReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"[]", "[{\"to\":\"x\"}]", "\"text\"", "42", "true", "null"})
    void refusesABodyThatIsNotAnObject(String body) {
        JsonNode node = json(body);

        ValidationException failure =
                catchThrowableOfType(ValidationException.class, () -> RequestReader.of(node));

        assertThat(failure.errors()).containsExactly(new FieldError("body", "must be a JSON object"));
        assertThat(failure.status().value()).isEqualTo(422);
        assertThat(failure.code()).isEqualTo("validation_failed");
    }

    @Test
    void refusesAMissingBody() {
        ValidationException failure =
                catchThrowableOfType(ValidationException.class, () -> RequestReader.of(null));

        assertThat(failure.errors()).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void readsPresentStrings() {
        RequestReader body = RequestReader.of(json("{\"name\":\"Shop\",\"note\":\"\"}"));

        assertThat(body.requiredString("name")).isEqualTo("Shop");
        assertThat(body.optionalString("note")).hasValue("");
        assertThat(body.optionalString("absent")).isEmpty();
        assertThat(body.isValid()).isTrue();
    }

    @Test
    void treatsNullAsMissing() {
        RequestReader body = RequestReader.of(json("{\"name\":null,\"note\":null}"));

        assertThat(body.requiredString("name")).isNull();
        assertThat(body.optionalString("note")).isEmpty();

        assertThat(errorsOf(body)).containsExactly(new FieldError("name", "is required"));
    }

    @Test
    void namesAWrongTypeOnceNotAlsoAsMissing() {
        RequestReader body = RequestReader.of(json("{\"to\":4915112345678,\"note\":{}}"));

        assertThat(body.requiredString("to")).isNull();
        assertThat(body.optionalString("note")).isEmpty();

        assertThat(errorsOf(body)).containsExactly(
                new FieldError("to", "must be a string"),
                new FieldError("note", "must be a string"));
    }

    @Test
    void collectsEveryProblemBeforeThrowing() {
        RequestReader body = RequestReader.of(json(
                "{\"instanceId\":7,\"message\":[\"hi\"],\"typo\":1,\"other\":true}"));

        body.rejectUnknownFields(Set.of("instanceId", "to", "message"));
        body.requiredString("instanceId");
        body.requiredString("to");
        body.requiredString("message");
        body.reject("message", "a rule of the operation");

        assertThat(errorsOf(body)).containsExactlyInAnyOrder(
                new FieldError("typo", "is not a known field"),
                new FieldError("other", "is not a known field"),
                new FieldError("instanceId", "must be a string"),
                new FieldError("to", "is required"),
                new FieldError("message", "must be a string"),
                new FieldError("message", "a rule of the operation"));
    }

    @Test
    void doesNotThrowWhileValid() {
        RequestReader body = RequestReader.of(json("{\"name\":\"Shop\"}"));
        body.rejectUnknownFields(Set.of("name"));
        body.requiredString("name");

        body.throwIfInvalid();

        assertThat(body.isValid()).isTrue();
    }

    @Test
    void readsAnArrayOfStrings() {
        RequestReader body = RequestReader.of(json("{\"permissions\":[\"a\",\"b\"],\"none\":[]}"));

        assertThat(body.stringArray("permissions")).containsExactly("a", "b");
        assertThat(body.stringArray("none")).isEmpty();
        assertThat(body.isValid()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"\"message:send\"", "{}", "1", "[1]", "[\"a\",null]", "[[\"a\"]]"})
    void refusesAnythingButAnArrayOfStrings(String value) {
        RequestReader body = RequestReader.of(json("{\"permissions\":" + value + "}"));

        assertThat(body.stringArray("permissions")).isNull();

        assertThat(errorsOf(body)).containsExactly(
                new FieldError("permissions", "must be an array of strings"));
    }

    @Test
    void requiresAnArrayField() {
        RequestReader body = RequestReader.of(json("{}"));

        assertThat(body.stringArray("permissions")).isNull();

        assertThat(errorsOf(body)).containsExactly(new FieldError("permissions", "is required"));
    }

    @Test
    void namesNestedFieldsByTheirPath() {
        RequestReader body = RequestReader.of(json(
                "{\"config\":{\"phoneNumberId\":1,\"extra\":\"x\",\"baseUrl\":\"https://x\"}}"));

        RequestReader config = body.object("config", true);
        config.rejectUnknownFields(Set.of("phoneNumberId", "accessToken", "baseUrl"));
        config.requiredString("phoneNumberId");
        config.requiredString("accessToken");

        assertThat(config.optionalString("baseUrl")).hasValue("https://x");
        assertThat(errorsOf(body)).containsExactlyInAnyOrder(
                new FieldError("config.extra", "is not a known field"),
                new FieldError("config.phoneNumberId", "must be a string"),
                new FieldError("config.accessToken", "is required"));
    }

    @Test
    void sharesOneListOfProblemsWithNestedReaders() {
        RequestReader body = RequestReader.of(json("{\"config\":{}}"));

        body.object("config", true).requiredString("accessToken");
        body.requiredString("name");

        assertThat(body.isValid()).isFalse();
        assertThat(errorsOf(body)).extracting(FieldError::field)
                .containsExactly("config.accessToken", "name");
    }

    @Test
    void readsAMissingOptionalObjectAsEmpty() {
        RequestReader body = RequestReader.of(json("{}"));

        RequestReader config = body.object("config", false);
        config.rejectUnknownFields(Set.of());

        assertThat(config.optionalString("baseUrl")).isEmpty();
        assertThat(body.isValid()).isTrue();
    }

    @Test
    void requiresARequiredObject() {
        RequestReader body = RequestReader.of(json("{\"config\":null}"));

        RequestReader config = body.object("config", true);
        config.requiredString("accessToken");

        assertThat(errorsOf(body)).containsExactly(
                new FieldError("config", "is required"),
                new FieldError("config.accessToken", "is required"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"\"x\"", "[]", "3"})
    void refusesAnObjectFieldThatIsNoObject(String value) {
        RequestReader body = RequestReader.of(json("{\"config\":" + value + "}"));

        body.object("config", false).rejectUnknownFields(Set.of());

        assertThat(errorsOf(body)).containsExactly(
                new FieldError("config", "must be a JSON object"));
    }

    @Test
    void throwsOneFailureListingAllFields() {
        RequestReader body = RequestReader.of(json("{}"));
        body.requiredString("instanceId");
        body.requiredString("to");
        body.requiredString("message");

        assertThatThrownBy(body::throwIfInvalid)
                .isInstanceOfSatisfying(ValidationException.class, failure -> {
                    assertThat(failure.errors()).extracting(FieldError::field)
                            .containsExactly("instanceId", "to", "message");
                    assertThat(failure.getMessage()).isEqualTo("3 fields are invalid.");
                });
    }

    @Test
    void readsDurationsAsTextOrAsMilliseconds() {
        RequestReader body = RequestReader.of(json(
                "{\"grace\":\"24h\",\"week\":\"7d\",\"iso\":\"PT3S\",\"millis\":1500}"));

        assertThat(body.optionalDuration("grace")).hasValue(Duration.ofHours(24));
        assertThat(body.optionalDuration("week")).hasValue(Duration.ofDays(7));
        assertThat(body.optionalDuration("iso")).hasValue(Duration.ofSeconds(3));
        assertThat(body.optionalDuration("millis")).hasValue(Duration.ofMillis(1500));
        assertThat(body.optionalDuration("absent")).isEmpty();
        assertThat(body.isValid()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"\"soon\"", "\"-1s\"", "\"1 d\"", "-5", "1.5", "true", "[]"})
    void refusesWhatIsNoDuration(String value) {
        RequestReader body = RequestReader.of(json("{\"grace\":" + value + "}"));

        assertThat(body.optionalDuration("grace")).isEmpty();

        assertThat(errorsOf(body)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("grace");
            assertThat(error.message()).contains("\"3s\"", "\"7d\"");
        });
    }

    private static List<FieldError> errorsOf(RequestReader body) {
        ValidationException failure =
                catchThrowableOfType(ValidationException.class, body::throwIfInvalid);
        return failure == null ? List.of() : failure.errors();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("Test JSON does not parse: " + text, e);
        }
    }
}
