package dev.bouncer.camel.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "250ms, 250",
        "3s, 3000",
        "2m, 120000",
        "1h, 3600000",
        "7d, 604800000",
        "0s, 0",
        "0ms, 0",
        "007s, 7000",
        "PT3S, 3000",
        "PT1M30S, 90000",
        "PT0.25S, 250",
        "P1D, 86400000",
        "9223372036854775807ms, 9223372036854775807",
    })
    void parsesShortAndIsoForms(String text, long expectedMillis) {
        Duration parsed = Durations.parse(text);

        assertThat(parsed).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @ParameterizedTest
    @CsvSource({
        "250, 250ms",
        "1500, 1500ms",
        "3000, 3s",
        "90000, 90s",
        "120000, 2m",
        "5400000, 90m",
        "3600000, 1h",
        "129600000, 36h",
        "604800000, 168h",
        "0, 0s",
    })
    void formatsInTheLargestExactUnit(long millis, String expected) {
        String formatted = Durations.format(Duration.ofMillis(millis));

        assertThat(formatted).isEqualTo(expected);
    }

    @Test
    void formatThenParseGivesBackTheSameDuration() {
        SplittableRandom random = new SplittableRandom(20_240_601);

        for (int i = 0; i < 2_000; i++) {
            Duration duration = Duration.ofMillis(randomMillis(random));

            assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
        }
    }

    @Test
    void formatsWhatParseRefusesInIsoSoMessagesStayExact() {
        assertThat(Durations.format(Duration.ofSeconds(-3))).isEqualTo("PT-3S");
        assertThat(Durations.format(Duration.ofNanos(500_000))).isEqualTo("PT0.0005S");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { " ", "\t" })
    void rejectsMissingText(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A duration is required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "-3s", "-0s", "PT-1S", "-PT1S", "PT1M-61S" })
    void rejectsNegativeDurations(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void namesNegativityAsTheProblem() {
        assertThatThrownBy(() -> Durations.parse("PT-1S"))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> Durations.parse("-3s"))
                .hasMessageContaining("must not be negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "abc", "3 s", " 3s", "3s ", "3", "s", "1.5s", "3S", "3sec", "3min", "1D", "1.5d", "+3s", "3s500ms",
        "pt3s", "P", "PT",
    })
    void rejectsMalformedTextListingTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("'" + text + "'", "250ms, 3s, 2m, 1h, 7d", "PT3S");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "9223372036854775808ms", "2562047788016h", "106751991168d", "99999999999999999999999s",
        "PT9223372036854775807S", "PT99999999999999999999H",
    })
    void rejectsDurationsTooLargeToCountInMilliseconds(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("too large");
    }

    @Test
    void rejectsPrecisionFinerThanAMillisecond() {
        assertThatThrownBy(() -> Durations.parse("PT0.0005S"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finer than a millisecond");
    }

    /** Spreads values over all four units, not just over milliseconds. */
    private static long randomMillis(SplittableRandom random) {
        long[] units = { 1, 1_000, 60_000, 3_600_000 };
        return random.nextLong(0, 100_000) * units[random.nextInt(units.length)];
    }
}
