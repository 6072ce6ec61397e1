package dev.bouncer.host.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON Merge Patch (RFC 7396) onto a contact's attributes, and the limits of the result. */
class AttributesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "[{index}] {0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'plan':'pro'}                 | {'plan':'team'}             | {'plan':'team'}",
        "{'plan':'pro','city':'Rio'}    | {'city':null}               | {'plan':'pro'}",
        "{'plan':'pro'}                 | {'absent':null}             | {'plan':'pro'}",
        "{'plan':'pro'}                 | {'seats':3}                 | {'plan':'pro','seats':3}",
        "{'a':{'b':1,'c':2}}            | {'a':{'c':null,'d':3}}      | {'a':{'b':1,'d':3}}",
        "{'a':'text'}                   | {'a':{'b':null,'c':1}}      | {'a':{'c':1}}",
        "{'a':{'b':1}}                  | {'a':'flat'}                | {'a':'flat'}",
        "{'langs':['de','en']}          | {'langs':['pt']}            | {'langs':['pt']}",
        "{'list':[1]}                   | {'list':[null,2]}           | {'list':[null,2]}",
        "{'a':1}                        | {}                          | {'a':1}",
        "{}                             | {'a':{'b':{'c':null}}}      | {'a':{'b':{}}}"})
    void mergesAsJsonMergePatch(String stored, String patch, String expected) {
        ObjectNode merged = Attributes.merge(object(stored), json(patch));

        assertThat(merged).isEqualTo(json(expected));
    }

    @Test
    void aNullPatchRemovesEveryAttribute() {
        ObjectNode merged = Attributes.merge(object("{'plan':'pro','seats':3}"), NullNode.getInstance());

        assertThat(merged).isEmpty();
    }

    @Test
    void changesNeitherTheStoredAttributesNorThePatch() {
        ObjectNode stored = object("{'a':{'b':1},'c':2}");
        JsonNode patch = json("{'a':{'b':null,'x':1},'c':null}");

        Attributes.merge(stored, patch);

        assertThat(stored).isEqualTo(json("{'a':{'b':1},'c':2}"));
        assertThat(patch).isEqualTo(json("{'a':{'b':null,'x':1},'c':null}"));
    }

    @Test
    void allowsFiftyKeysButNotFiftyOne() {
        ObjectNode fifty = keys(50);
        ObjectNode fiftyOne = keys(51);

        assertThat(Attributes.problemsWith(fifty)).isEmpty();
        assertThat(Attributes.problemsWith(fiftyOne)).singleElement().asString()
                .contains("at most 50 keys");
    }

    @Test
    void allowsKeysOfOneToFortyCharactersCountingEmojiAsOne() {
        ObjectNode attributes = Attributes.empty();
        attributes.put("k".repeat(40), 1);
        attributes.put("\uD83D\uDC4B".repeat(40), 2);

        assertThat(Attributes.problemsWith(attributes)).isEmpty();
        assertThat(Attributes.problemsWith(object("{'" + "k".repeat(41) + "':1}")))
                .singleElement().asString().contains("1 to 40 characters");
        assertThat(Attributes.problemsWith(object("{'':1}"))).hasSize(1);
        assertThat(Attributes.problemsWith((ObjectNode) JSON.createObjectNode().put("a\u0007", 1)))
                .singleElement().asString().contains("control characters");
    }

    @Test
    void allowsAtMost4096BytesOfJsonCountedInUtf8() {
        // {"k":"..."} is 8 bytes around the value.
        ObjectNode exactly = (ObjectNode) JSON.createObjectNode().put("k", "x".repeat(4088));
        ObjectNode oneMore = (ObjectNode) JSON.createObjectNode().put("k", "x".repeat(4089));
        ObjectNode wide = (ObjectNode) JSON.createObjectNode().put("k", "\u00e9".repeat(2045));

        assertThat(Attributes.problemsWith(exactly)).isEmpty();
        assertThat(Attributes.problemsWith(oneMore)).singleElement().asString()
                .contains("at most 4096 bytes");
        assertThat(Attributes.problemsWith(wide)).as("2045 two-byte characters and 8 bytes around them")
                .singleElement().asString().contains("4098");
    }

    @Test
    void namesEveryBrokenLimitAtOnce() {
        ObjectNode attributes = keys(51);
        attributes.put("k".repeat(41), "x".repeat(4096));

        assertThat(Attributes.problemsWith(attributes)).hasSize(3);
    }

    private static ObjectNode keys(int count) {
        ObjectNode attributes = Attributes.empty();
        for (int i = 0; i < count; i++) {
            attributes.put("key" + i, i);
        }
        return attributes;
    }

    private static ObjectNode object(String singleQuoted) {
        return (ObjectNode) json(singleQuoted);
    }

    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.strip().replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
