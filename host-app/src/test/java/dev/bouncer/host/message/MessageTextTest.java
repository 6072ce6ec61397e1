package dev.bouncer.host.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Message text is counted as WhatsApp counts it: code points, not UTF-16 units. */
class MessageTextTest {

    private static final String GRINNING = "\uD83D\uDE00";
    private static final String THUMBS_UP = "\uD83D\uDC4D";

    @Test
    void countsAnEmojiAsOneCharacter() {
        String text = GRINNING.repeat(MessageText.MAX_CODE_POINTS);

        assertThat(text.length()).isEqualTo(2 * MessageText.MAX_CODE_POINTS);
        assertThat(MessageText.problemWith(text)).isEmpty();
    }

    @Test
    void refusesOneEmojiAboveTheLimitNamingTheCount() {
        String text = GRINNING.repeat(MessageText.MAX_CODE_POINTS + 1);

        assertThat(MessageText.problemWith(text))
                .hasValue("must be at most 4096 characters, was 4097");
    }

    @Test
    void acceptsExactly4096Characters() {
        assertThat(MessageText.MAX_CODE_POINTS).isEqualTo(4096);
        assertThat(MessageText.problemWith("a".repeat(4096))).isEmpty();
        assertThat(MessageText.problemWith("a".repeat(4095) + THUMBS_UP)).isEmpty();
    }

    @Test
    void refuses4097Characters() {
        assertThat(MessageText.problemWith("a".repeat(4097)))
                .hasValue("must be at most 4096 characters, was 4097");
        assertThat(MessageText.problemWith("a".repeat(4096) + THUMBS_UP))
                .hasValue("must be at most 4096 characters, was 4097");
    }

    @Test
    void acceptsASingleCharacter() {
        assertThat(MessageText.problemWith("a")).isEmpty();
        assertThat(MessageText.problemWith(THUMBS_UP)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "",
        " ",
        "   ",
        "\t",
        "\n",
        "\r\n",
        " \t\r\n ",
        "\u00a0",
        "\u00a0\u00a0 ",
        "\u2007",
        "\u202f",
        "\u3000",
        "\u200b",
        "\u200b\u200b\u200b",
        "\u200b \u00a0\n",
        "\u200c\u200d",
        "\u2060",
        "\ufeff",
        "\u2028\u2029"})
    void refusesBlankText(String text) {
        assertThat(MessageText.problemWith(text)).hasValue("must not be empty or blank");
    }

    @ParameterizedTest(name = "[{index}] U+{0}")
    @ValueSource(ints = {0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x85, 0x9f})
    void refusesControlCharacters(int control) {
        String text = "Hello " + (char) control + " world";

        assertThat(MessageText.problemWith(text))
                .hasValue("contains control characters; only line breaks and tabs are allowed");
    }

    @Test
    void refusesTextThatIsOnlyANulCharacter() {
        assertThat(MessageText.problemWith("\u0000"))
                .hasValue("contains control characters; only line breaks and tabs are allowed");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"\uD83D", "\uDE00", "a\uD83Db", "a\uDE00b", "ok \uD83D", "\uDE00\uD83D"})
    void refusesUnpairedSurrogates(String text) {
        assertThat(MessageText.problemWith(text))
                .hasValue("contains an invalid character (an unpaired surrogate)");
    }

    @Test
    void allowsTabsAndLineBreaks() {
        String text = "Order #1001\n\tItem:\tshoes\r\nTotal:\t42 EUR\n";

        assertThat(MessageText.problemWith(text)).isEmpty();
    }

    @Test
    void allowsVisibleTextAroundInvisibleCharacters() {
        assertThat(MessageText.problemWith("\u200bHi\u00a0there\u200d")).isEmpty();
        assertThat(MessageText.problemWith("\uD83D\uDC69\u200D\uD83D\uDCBB")).isEmpty();
    }
}
