package dev.bouncer.host.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse("120")).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse(" 5 ")).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void readsAnHttpDate() {
        String inOneMinute = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));

        assertThat(RetryAfter.parse(inOneMinute)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
    }

    @Test
    void capsAtAnHourAndIgnoresWhatItCannotRead() {
        assertThat(RetryAfter.parse("999999")).isEqualTo(Duration.ofHours(1));
        assertThat(RetryAfter.parse("-5")).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("soon")).isNull();
        assertThat(RetryAfter.parse(null)).isNull();
        assertThat(RetryAfter.parse("")).isNull();
    }
}
