package dev.bouncer.camel.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThrottleStateTest {

    @Test
    void initialStateHoldsNothingBack() {
        assertThat(ThrottleState.INITIAL.nextSendAt()).isNull();
        assertThat(ThrottleState.INITIAL.sentInBatch()).isZero();
    }

    @Test
    void rejectsNegativeBatchCount() {
        assertThatThrownBy(() -> new ThrottleState(null, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sentInBatch must not be negative");
    }
}
