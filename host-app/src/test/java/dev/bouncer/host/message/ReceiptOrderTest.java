package dev.bouncer.host.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptOrderTest {

    @Test
    void statusesOnlyMoveForward() {
        assertThat(ReceiptService.movesForward(MessageStatus.SENT, MessageStatus.DELIVERED)).isTrue();
        assertThat(ReceiptService.movesForward(MessageStatus.SENT, MessageStatus.READ)).isTrue();
        assertThat(ReceiptService.movesForward(MessageStatus.READ, MessageStatus.DELIVERED)).isFalse();
        assertThat(ReceiptService.movesForward(MessageStatus.DELIVERED, MessageStatus.DELIVERED)).isFalse();
        assertThat(ReceiptService.movesForward(MessageStatus.READ, MessageStatus.SENT)).isFalse();
    }

    @Test
    void failedReplacesOnlySentAndIsFinal() {
        assertThat(ReceiptService.movesForward(MessageStatus.SENT, MessageStatus.FAILED)).isTrue();
        assertThat(ReceiptService.movesForward(MessageStatus.DELIVERED, MessageStatus.FAILED)).isFalse();
        assertThat(ReceiptService.movesForward(MessageStatus.FAILED, MessageStatus.DELIVERED)).isFalse();
        assertThat(ReceiptService.movesForward(MessageStatus.CANCELLED, MessageStatus.READ)).isFalse();
    }
}
