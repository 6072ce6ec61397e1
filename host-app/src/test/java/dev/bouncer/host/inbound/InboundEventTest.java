package dev.bouncer.host.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.provider.ProviderType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InboundEventTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void failedAttemptsAreRetriedWithGrowingDelayThenFailForGood() {
        InboundEvent event = pending();

        event.attemptFailed("IllegalStateException: boom", 3, Duration.ofSeconds(5), NOW);
        boolean pendingAfterOne = event.isPending();
        event.attemptFailed("IllegalStateException: boom", 3, Duration.ofSeconds(5), NOW);
        event.attemptFailed("IllegalStateException: boom", 3, Duration.ofSeconds(5), NOW);

        assertThat(pendingAfterOne).isTrue();
        assertThat(event.getStatus()).isEqualTo(InboundEventStatus.FAILED);
        assertThat(event.getAttempts()).isEqualTo(3);
        assertThat(event.getLastError()).isEqualTo("IllegalStateException: boom (gave up after 3 attempts)");
    }

    @Test
    void unreadableBodiesAreStoredAsFailedAndSkippedOnesAsSkipped() {
        InboundEvent unreadable = new InboundEvent("ws", Environment.LIVE, "ins", ProviderType.WAHA,
                InboundItem.skip(InboundKind.UNREADABLE, "k", "{", "the body is not valid JSON"), NOW);
        InboundEvent skipped = new InboundEvent("ws", Environment.LIVE, "ins", ProviderType.WAHA,
                InboundItem.skip(InboundKind.OTHER, "k", "{}", "event 'x' is not used"), NOW);

        assertThat(unreadable.getStatus()).isEqualTo(InboundEventStatus.FAILED);
        assertThat(skipped.getStatus()).isEqualTo(InboundEventStatus.SKIPPED);
    }

    private static InboundEvent pending() {
        return new InboundEvent("ws", Environment.LIVE, "ins", ProviderType.WAHA,
                InboundItem.apply(InboundKind.MESSAGE, "k", "{}"), NOW);
    }
}
