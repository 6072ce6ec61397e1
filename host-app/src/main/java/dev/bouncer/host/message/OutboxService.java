package dev.bouncer.host.message;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.NotFoundException;
import dev.bouncer.host.instance.Instance;
import dev.bouncer.host.instance.InstanceService;
import dev.bouncer.host.provider.OutboundText;
import dev.bouncer.host.provider.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable outbox. Every state change of a message is one short transaction of its own, so a
 * provider call never runs while a database transaction is open on the message.
 */
@Service
public class OutboxService {

    /** How long an idempotency key is remembered, as long as Stripe keeps them. */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private final OutboxRepository messages;
    private final IdempotencyRepository idempotency;
    private final InstanceService instances;
    private final Clock clock;

    OutboxService(OutboxRepository messages, IdempotencyRepository idempotency,
            InstanceService instances, Clock clock) {
        this.messages = messages;
        this.idempotency = idempotency;
        this.instances = instances;
        this.clock = clock;
    }

    /**
     * Stores a validated message as queued; the commit is what makes the 202 true. With an
     * idempotency key seen before, returns the message it produced instead (or refuses a
     * different request). Two concurrent first uses of one key: one commit fails on the primary
     * key, and the caller's retry then finds the winner's message.
     */
    @Transactional
    public Enqueued enqueue(String workspaceId, Environment environment, SendRequest request) {
        IdempotencyRecord.Key idempotencyKey = request.idempotencyKey() == null ? null
                : new IdempotencyRecord.Key(workspaceId, environment, request.idempotencyKey());
        Optional<OutboxMessage> replay = replay(idempotencyKey, request);
        if (replay.isPresent()) {
            return new Enqueued(replay.get(), true);
        }
        Instance instance = instances.find(workspaceId, environment, request.instanceId())
                .orElseThrow(() -> new NotFoundException("instance", request.instanceId()));
        OutboxMessage queued = messages.save(new OutboxMessage(workspaceId, environment,
                instance.getId(), request.to(), request.message(), clock.instant()));
        if (idempotencyKey != null) {
            idempotency.saveAndFlush(new IdempotencyRecord(idempotencyKey, request.fingerprint(),
                    queued.getId(), clock.instant()));
        }
        return new Enqueued(queued, false);
    }

    private Optional<OutboxMessage> replay(IdempotencyRecord.Key key, SendRequest request) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<IdempotencyRecord> seen = idempotency.findById(key);
        boolean expired = seen.isPresent()
                && seen.get().getCreatedAt().isBefore(clock.instant().minus(IDEMPOTENCY_WINDOW));
        if (expired) {
            idempotency.delete(seen.get());
            idempotency.flush();
            return Optional.empty();
        }
        if (seen.isPresent() && !seen.get().getRequestHash().equals(request.fingerprint())) {
            throw new IdempotencyConflictException();
        }
        return seen.map(record -> messages.findById(record.getMessageId()).orElseThrow());
    }

    /** A stored message and whether it came from an earlier request with the same key. */
    public record Enqueued(OutboxMessage message, boolean replayed) {
    }

    @Transactional(readOnly = true)
    public MessageView view(String workspaceId, Environment environment, String messageId) {
        return messages.findByIdAndWorkspaceIdAndEnvironment(messageId, workspaceId, environment)
                .map(MessageView::of)
                .orElseThrow(() -> new NotFoundException("message", messageId));
    }

    /**
     * Takes a queued message for sending. Empty when it is no longer queued or another
     * dispatcher took it first (the version check fails that one's commit).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<SendJob> claim(String messageId) {
        Optional<OutboxMessage> queued = messages.findById(messageId)
                .filter(message -> message.getStatus() == MessageStatus.QUEUED);
        queued.ifPresent(message -> message.claim(clock.instant()));
        return queued.map(this::jobFor);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordOutcome(String messageId, SendOutcome outcome) {
        OutboxMessage message = messages.findById(messageId).orElseThrow();
        Instant now = clock.instant();
        if (outcome instanceof SendOutcome.Sent sent) {
            message.markSent(sent.providerMessageId(), now);
        } else if (outcome instanceof SendOutcome.Failed failed) {
            message.markFailed(failed.code(), failed.message(), now);
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordDelivered(String messageId, String detail) {
        OutboxMessage message = messages.findById(messageId).orElseThrow();
        if (message.getStatus() == MessageStatus.SENT) {
            message.markDelivered(detail, clock.instant());
        }
    }

    /**
     * Puts back messages whose attempt started longer than {@code lease} ago without an outcome:
     * the process that sent them stopped. The provider may have received them, so the history
     * records that the next attempt can be a second delivery.
     */
    @Transactional
    public int requeueAbandoned(Duration lease) {
        Instant now = clock.instant();
        List<OutboxMessage> abandoned =
                messages.findByStatusAndUpdatedAtBefore(MessageStatus.SENDING, now.minus(lease));
        abandoned.forEach(message -> message.requeue("requeued: attempt " + message.getAttempts()
                + " ended without an outcome; the provider may have received it", now));
        return abandoned.size();
    }

    private SendJob jobFor(OutboxMessage message) {
        Instance instance = instances.find(message.getWorkspaceId(), message.getEnvironment(),
                message.getInstanceId()).orElseThrow();
        return new SendJob(message.getEnvironment(), instance.getProvider(),
                instances.providerConfig(instance),
                new OutboundText(message.getId(), message.getRecipient(), message.getBody()));
    }
}
