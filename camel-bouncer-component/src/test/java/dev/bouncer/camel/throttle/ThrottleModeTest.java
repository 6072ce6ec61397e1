package dev.bouncer.camel.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ThrottleModeTest {

    @Test
    void wireNamesAreLowerCase() {
        assertThat(ThrottleMode.values()).extracting(ThrottleMode::wire)
                .containsExactly("off", "fixed", "random", "smart");
    }

    @ParameterizedTest
    @EnumSource(ThrottleMode.class)
    void readsBackEveryWireName(ThrottleMode mode) {
        assertThat(ThrottleMode.fromWire(mode.wire())).contains(mode);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "RANDOM", "Random", " random", "burst" })
    void findsNoModeForOtherSpellings(String wire) {
        assertThat(ThrottleMode.fromWire(wire)).isEmpty();
    }
}
