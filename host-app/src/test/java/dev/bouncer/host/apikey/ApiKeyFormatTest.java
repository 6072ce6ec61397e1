package dev.bouncer.host.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bouncer.host.common.Environment;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The key format the README documents for secret scanners, checked against fixed examples. */
class ApiKeyFormatTest {

    /** The regex the README gives to secret scanners. */
    private static final Pattern SCANNER = Pattern.compile("bnc_(live|test)_[0-9A-Za-z]{46}");
    private static final String RANDOM = "1p47T9fH2aCnD0iwNMUoD9SI9opM760MidSnv3OS";

    @Test
    void checksumIsTheBase62Crc32OfEverythingBeforeIt() {
        // Expected values computed apart from this code: zlib.crc32, then base62 by hand.
        assertThat(ApiKeyFormat.checksum("bnc_test_" + "0".repeat(40))).isEqualTo("2xubri");
        assertThat(ApiKeyFormat.checksum("bnc_test_" + RANDOM)).isEqualTo("1nBz0q");
        assertThat(ApiKeyFormat.checksum("bnc_live_" + RANDOM)).isEqualTo("1XtrPC");
    }

    @Test
    void acceptsTheDocumentedExamples() {
        assertThat(ApiKeyFormat.environmentOf("bnc_test_" + RANDOM + "1nBz0q"))
                .contains(Environment.TEST);
        assertThat(ApiKeyFormat.environmentOf("bnc_live_" + RANDOM + "1XtrPC"))
                .contains(Environment.LIVE);
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void generatesKeysThatTheScannerRegexAndTheChecksumAccept(Environment environment) {
        for (int i = 0; i < 200; i++) {
            String key = ApiKeyFormat.generate(environment);

            // Booleans, so that a failure never prints a key.
            assertThat(key.length()).isEqualTo(55);
            assertThat(key.startsWith("bnc_" + environment.wire() + "_")).as("prefix").isTrue();
            assertThat(SCANNER.matcher(key).matches()).as("scanner regex").isTrue();
            assertThat(ApiKeyFormat.environmentOf(key)).contains(environment);
        }
    }

    @Test
    void refusesEverySingleCharacterTypo() {
        String key = ApiKeyFormat.generate(Environment.TEST);

        for (int i = "bnc_test_".length(); i < key.length(); i++) {
            char replacement = key.charAt(i) == 'x' ? 'y' : 'x';
            String mistyped = key.substring(0, i) + replacement + key.substring(i + 1);

            assertThat(ApiKeyFormat.environmentOf(mistyped)).as("typo at %d", i).isEmpty();
        }
    }

    @Test
    void refusesATestKeyRelabelledAsLive() {
        String key = ApiKeyFormat.generate(Environment.TEST);

        assertThat(ApiKeyFormat.environmentOf(key.replace("bnc_test_", "bnc_live_"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bnc_test_", "bnc_test_" + RANDOM,
        "bnc_test_" + RANDOM + "1nBz0", "bnc_test_" + RANDOM + "1nBz0qq",
        "bnc_test_" + RANDOM + "1nBz0Q", "bnc_prod_" + RANDOM + "1nBz0q",
        "BNC_test_" + RANDOM + "1nBz0q", " bnc_test_" + RANDOM + "1nBz0",
        "bnc_test_" + "-p47T9fH2aCnD0iwNMUoD9SI9opM760MidSnv3OS" + "1nBz0q"})
    void refusesWrongShapesLengthsAndChecksums(String presented) {
        assertThat(ApiKeyFormat.environmentOf(presented)).isEmpty();
    }

    @Test
    void refusesAKeyOfTheEarlierFortyCharacterFormat() {
        assertThat(ApiKeyFormat.environmentOf("bnc_test_" + RANDOM)).isEmpty();
    }

    @Test
    void hintShowsTheLastFourCharacters() {
        assertThat(ApiKeyFormat.displaySuffix("bnc_test_" + RANDOM + "1nBz0q")).isEqualTo("Bz0q");
    }
}
