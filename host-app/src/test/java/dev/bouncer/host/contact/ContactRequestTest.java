package dev.bouncer.host.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.common.FieldError;
import dev.bouncer.host.common.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The field rules of contact bodies, without the app. */
class ContactRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"ana@example.com", "ana.lima+crm@mail.example.com.br",
        "jo@xn--mnchen-3ya.de", "ana@münchen.de", "o'brien@example.ie"})
    void acceptsPlausibleEmailAddresses(String email) {
        ContactChanges changes = ContactRequest.readPatch(body("email", email));

        assertThat(changes.email().value()).isEqualTo(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "ana@", "@example.com", "ana@example", "ana@@example.com",
        "ana lima@example.com", "ana@example..com", "ana@-example.com", "ana@example.c0m",
        "ana@example,com", "ana\u0000@example.com"})
    void refusesImplausibleEmailAddresses(String email) {
        assertThat(fieldsRefused(body("email", email))).containsExactly("email");
    }

    @Test
    void refusesAnEmailAddressLongerThan254Characters() {
        String local = "a".repeat(64);
        String domain = ("d".repeat(60) + ".").repeat(3) + "com";
        String email = local + "@" + domain + "d".repeat(254 - local.length() - 1 - domain.length());

        assertThat(ContactRequest.readPatch(body("email", email)).email().value()).hasSize(254);
        assertThat(fieldsRefused(body("email", email + "x"))).containsExactly("email");
    }

    @Test
    void stripsNamesAndTagsAndKeepsNullAsClear() {
        ContactChanges changes = ContactRequest.readPatch(json(
                "{'name':'  Ana  ','tags':[' vip ','lead'],'email':null}"));

        assertThat(changes.name().value()).isEqualTo("Ana");
        assertThat(changes.tags().value()).containsExactly("vip", "lead");
        assertThat(changes.email().given()).isTrue();
        assertThat(changes.email().value()).isNull();
        assertThat(changes.attributes().given()).isFalse();
    }

    @Test
    void namesTwoTagsThatDifferOnlyInSpacesAsRepeated() {
        assertThat(fieldsRefused(json("{'tags':['vip',' vip']}"))).containsExactly("tags");
    }

    @Test
    void refusesAnAttributesPatchThatBreaksALimitOnItsOwn() {
        StringBuilder patch = new StringBuilder("{'attributes':{");
        for (int i = 0; i <= Attributes.MAX_KEYS; i++) {
            patch.append(i == 0 ? "" : ",").append("'k").append(i).append("':1");
        }

        assertThat(fieldsRefused(json(patch + "},'name':''}"))).containsExactly("attributes", "name");
    }

    @Test
    void readsTheUpsertNumberLikeASendsRecipient() {
        NewContact contact = ContactRequest.readUpsert(json("{'phone':'+49 (151) 1234-5678'}"));

        assertThat(contact.phone()).isEqualTo("+4915112345678");
        assertThat(contact.changes().name().given()).isFalse();
        assertThat(contact.toString()).doesNotContain("4915112345678");
    }

    private static List<String> fieldsRefused(JsonNode body) {
        try {
            ContactRequest.readPatch(body);
        } catch (ValidationException refused) {
            return refused.errors().stream().map(FieldError::field).sorted().toList();
        }
        return fail("the body should have been refused: " + body);
    }

    private static JsonNode body(String field, String value) {
        return JSON.createObjectNode().put(field, value);
    }

    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
