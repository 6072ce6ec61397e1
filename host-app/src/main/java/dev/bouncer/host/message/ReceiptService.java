package dev.bouncer.host.message;

import dev.bouncer.host.event.EventLog;
import dev.bouncer.host.event.EventType;
import dev.bouncer.host.instance.Instance;
import dev.bouncer.host.instance.InstanceService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies providers' receipts to outbox messages. Providers do not order their webhooks, so a
 * status only ever moves forward ({@code sent < delivered < read}, and {@code failed} only from
 * {@code sent}); a receipt that comes too late still enters the history, dated by the provider.
 * A receipt for a provider id no message carries yet is parked until the send records it.
 */
@Service
public class ReceiptService {

    private static final Logger log = LoggerFactory.getLogger(ReceiptService.class);

    private final OutboxRepository messages;
    private final ParkedReceiptRepository parked;
    private final InstanceService instances;
    private final EventLog events;
    private final Clock clock;

    ReceiptService(OutboxRepository messages, ParkedReceiptRepository parked,
            InstanceService instances, EventLog events, Clock clock) {
        this.messages = messages;
        this.parked = parked;
        this.instances = instances;
        this.events = events;
        this.clock = clock;
    }

    /** What a receipt did to its message. */
    public enum Outcome {
        /** The status moved forward. */
        APPLIED,
        /** The status stayed: the receipt was late or the message had ended; history only. */
        RECORDED_LATE,
        /** No message carries the provider id yet; applied when the send records it. */
        PARKED
    }

    /**
     * Applies a receipt to the instance's message with that provider id. The caller holds the
     * instance's row lock, which the send's outcome also takes: so either this finds the id or
     * the send's outcome finds the parked receipt, never neither.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome apply(Instance lockedInstance, ProviderReceipt receipt) {
        Optional<OutboxMessage> message = messages.findFirstByInstanceIdAndProviderMessageId(
                lockedInstance.getId(), receipt.providerMessageId());
        if (message.isEmpty()) {
            parked.save(new ParkedReceipt(lockedInstance.getId(), receipt, clock.instant()));
            log.debug("Receipt {} on instance {} parked until its send is recorded", receipt,
                    lockedInstance.getId());
            return Outcome.PARKED;
        }
        return applyTo(message.get(), receipt);
    }

    /** Whether receipts wait for this provider id; reliable under the instance's row lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean hasParked(String instanceId, String providerMessageId) {
        return parked.existsByInstanceIdAndProviderMessageId(instanceId, providerMessageId);
    }

    /** Applies and deletes the receipts that waited for this message's provider id. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int applyParked(String messageId) {
        String instanceId = messages.findInstanceId(messageId).orElseThrow();
        instances.lock(instanceId);
        OutboxMessage message = messages.findById(messageId).orElseThrow();
        if (message.getProviderMessageId() == null) {
            return 0;
        }
        List<ParkedReceipt> waiting = parked.findByInstanceIdAndProviderMessageIdOrderByOccurredAtAscIdAsc(
                instanceId, message.getProviderMessageId());
        waiting.forEach(receipt -> applyTo(message, receipt.receipt()));
        parked.deleteAll(waiting);
        return waiting.size();
    }

    /**
     * Messages with parked receipts that carry their provider id by now: a safety net for a
     * send whose own hook did not run (the node stopped between its commit and the hook).
     * Apply each with {@link #applyParked}.
     */
    @Transactional(readOnly = true)
    public List<String> messagesWithParkedReceipts() {
        return parked.findMessagesNowKnown();
    }

    /** Forgets receipts that waited longer than {@code ttl}: their send was not Bouncer's. */
    @Transactional
    public int forgetParkedOlderThan(Duration ttl) {
        return parked.deleteParkedBefore(clock.instant().minus(ttl));
    }

    private Outcome applyTo(OutboxMessage message, ProviderReceipt receipt) {
        MessageStatus previous = message.getStatus();
        Instant now = clock.instant();
        if (!movesForward(previous, receipt.status())) {
            message.noteLateReceipt(receipt.status(), "reported by the provider after "
                    + previous.wire() + "; status kept", receipt.occurredAt(), now);
            return Outcome.RECORDED_LATE;
        }
        if (receipt.status() == MessageStatus.FAILED) {
            message.failByReceipt(receipt.errorCode(), receipt.errorMessage(), receipt.occurredAt(), now);
        } else {
            message.advanceByReceipt(receipt.status(), "reported by the provider",
                    receipt.occurredAt(), now);
        }
        recordEvent(message, previous, receipt);
        return Outcome.APPLIED;
    }

    /** Forward only: sent, delivered, read; failed only before delivery. */
    static boolean movesForward(MessageStatus current, MessageStatus reported) {
        if (reported == MessageStatus.FAILED) {
            return current == MessageStatus.SENT;
        }
        return rank(current) > 0 && rank(reported) > rank(current);
    }

    private static int rank(MessageStatus status) {
        return switch (status) {
            case SENT -> 1;
            case DELIVERED -> 2;
            case READ -> 3;
            default -> 0;
        };
    }

    private void recordEvent(OutboxMessage message, MessageStatus previous, ProviderReceipt receipt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("messageId", message.getId());
        data.put("instanceId", message.getInstanceId());
        data.put("status", message.getStatus().wire());
        data.put("previousStatus", previous.wire());
        data.put("providerMessageId", receipt.providerMessageId());
        data.put("at", receipt.occurredAt().toString());
        if (receipt.status() == MessageStatus.FAILED) {
            data.put("error", Map.of("code", String.valueOf(message.getErrorCode()),
                    "message", String.valueOf(message.getErrorMessage())));
        }
        events.record(message.getWorkspaceId(), message.getEnvironment(), EventType.MESSAGE_STATUS, data);
    }
}
