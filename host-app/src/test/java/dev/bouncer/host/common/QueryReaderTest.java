package dev.bouncer.host.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class QueryReaderTest {

    @Test
    void namesUnknownRepeatedAndBadParametersTogether() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("sort", "name");
        parameters.add("q", "a");
        parameters.add("q", "b");
        parameters.add("since", "tomorrow");
        parameters.add("limit", "0");

        QueryReader query = QueryReader.of(parameters, Set.of("q", "since"));
        query.page();
        query.instant("since");

        assertThatThrownBy(query::throwIfInvalid).isInstanceOfSatisfying(ValidationException.class,
                refused -> assertThat(refused.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("sort", "q", "since", "limit"));
    }

    @Test
    void readsInstantsWithZOrAnOffset() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("a", "2026-12-03T21:30:00Z");
        parameters.add("b", "2026-12-03T22:30:00.5+01:00");

        QueryReader query = QueryReader.of(parameters, Set.of("a", "b"));

        assertThat(query.instant("a")).contains(Instant.parse("2026-12-03T21:30:00Z"));
        assertThat(query.instant("b")).contains(Instant.parse("2026-12-03T21:30:00.5Z"));
        assertThat(query.instant("absent")).isEmpty();
        query.throwIfInvalid();
    }

    @Test
    void knowsThePageParametersOfEveryList() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("limit", "5");

        QueryReader query = QueryReader.of(parameters, Set.of());

        assertThat(query.page().limit()).isEqualTo(5);
        query.throwIfInvalid();
    }
}
