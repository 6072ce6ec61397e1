package dev.bouncer.host.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void aCursorSurvivesTheRoundTripToTheMicrosecond() {
        Cursor cursor = new Cursor(Instant.parse("2026-12-03T10:15:30.123456Z"), "ct_abcDEF012");

        assertThat(Cursor.decode(cursor.encode())).contains(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "bm8tc2VwYXJhdG9y", "fGlk", "MTIzfA", "eHl6fGlk",
            "OTk5OTk5OTk5OTk5OTk5OTk5OXxpZA", "LTF8YXVkX3g", "MHwnIE9SIDE9MSAtLQ", "MXxjdF9hYmN8eA"})
    void aStringThisApiDidNotMakeIsNoCursor(String forged) {
        List<FieldError> errors = new ArrayList<>();

        PageRequest.read(null, forged, errors);

        assertThat(errors).extracting(FieldError::field).containsExactly("cursor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten", "1.5", ""})
    void aLimitOutsideOneToAHundredIsRefused(String limit) {
        List<FieldError> errors = new ArrayList<>();

        PageRequest.read(limit, null, errors);

        assertThat(errors).extracting(FieldError::field).containsExactly("limit");
    }

    @Test
    void noParametersMeanTheFirstPageOfTwenty() {
        List<FieldError> errors = new ArrayList<>();

        PageRequest request = PageRequest.read(null, null, errors);

        assertThat(errors).isEmpty();
        assertThat(request.limit()).isEqualTo(20);
        assertThat(request.after()).isEmpty();
        assertThat(request.fetchSize()).isEqualTo(21);
    }

    @Test
    void aPageShowsTheLimitAndPointsPastItsLastRow() {
        Instant at = Instant.parse("2026-12-03T00:00:00Z");
        List<String> rows = List.of("ct_a", "ct_b", "ct_c");

        Page<String> page = Page.of(rows, 2, row -> new Cursor(at, row), String::toUpperCase);
        Page<String> last = Page.of(rows, 3, row -> new Cursor(at, row), String::toUpperCase);

        assertThat(page.data()).containsExactly("CT_A", "CT_B");
        assertThat(Cursor.decode(page.nextCursor())).contains(new Cursor(at, "ct_b"));
        assertThat(last.nextCursor()).isNull();
    }
}
