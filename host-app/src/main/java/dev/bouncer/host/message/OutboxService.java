package dev.bouncer.host.message;

import dev.bouncer.camel.throttle.ThrottlePolicy;
import dev.bouncer.camel.throttle.ThrottleSettings;
import dev.bouncer.camel.throttle.ThrottleState;
import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.NotFoundException;
import dev.bouncer.host.conversation.ConversationService;
import dev.bouncer.host.instance.Instance;
import dev.bouncer.host.instance.InstanceService;
import dev.bouncer.host.instance.InstanceStatus;
import dev.bouncer.host.provider.OutboundText;
import dev.bouncer.host.provider.SendOutcome;
import dev.bouncer.host.throttle.ThrottleService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable outbox. Enqueues and claims on one instance take turns under the instance's row
 * lock, which is what keeps queue caps and throttle gaps exact across nodes. Every change is a
 * short transaction of its own: no provider call ever runs inside one.
 */
@Service
public class OutboxService {

    /**
     * How long before its slot a send may be claimed. The database work of the claim happens
     * in this lead, and the worker then starts the provider call on the slot itself, so gaps
     * stay exact even on a busy machine.
     */
    static final Duration CLAIM_LEAD = Duration.ofMillis(50);

    /** How long an idempotency key is remembered, as long as Stripe keeps them. */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(OutboxService.class);

    private final OutboxRepository messages;
    private final IdempotencyRepository idempotency;
    private final InstanceService instances;
    private final ThrottleService throttles;
    private final ConversationService conversations;
    private final ReceiptService receipts;
    private final InboundMessageRepository received;
    private final DispatchProperties properties;
    private final DispatchPacer pacer;
    private final RetryBackoff backoff;
    private final Clock clock;

    OutboxService(OutboxRepository messages, IdempotencyRepository idempotency,
            InstanceService instances, ThrottleService throttles,
            ConversationService conversations, ReceiptService receipts,
            InboundMessageRepository received, DispatchProperties properties,
            DispatchPacer pacer, RandomGenerator dispatchRandom, Clock clock) {
        this.messages = messages;
        this.idempotency = idempotency;
        this.instances = instances;
        this.throttles = throttles;
        this.conversations = conversations;
        this.receipts = receipts;
        this.received = received;
        this.properties = properties;
        this.pacer = pacer;
        this.backoff = new RetryBackoff(properties.retryBaseDelay(), properties.retryMaxDelay(),
                dispatchRandom);
        this.clock = clock;
    }

    /**
     * What can be refused before anything is written, read without locks: a replay or a
     * conflict of an idempotency key, an unknown instance, a full queue. Lets a send refuse
     * before it creates the recipient's contact; {@link #enqueue} checks it all again, locked.
     *
     * @return the earlier answer when the request replays an idempotency key
     */
    @Transactional(readOnly = true)
    public Optional<Enqueued> precheck(String workspaceId, Environment environment,
            SendRequest request) {
        Optional<OutboxMessage> replay = liveReplay(idempotencyKey(workspaceId, environment,
                request), request);
        if (replay.isPresent()) {
            return Optional.of(new Enqueued(replay.get(), true, estimate(replay.get())));
        }
        Instance instance = instances.find(workspaceId, environment, request.instanceId())
                .orElseThrow(() -> new NotFoundException("instance", request.instanceId()));
        checkQueueRoom(instance);
        return Optional.empty();
    }

    /**
     * Stores a validated message as queued, in the contact's conversation on the instance; the
     * commit is what makes the 202 true. With an idempotency key seen before, returns the
     * message it produced instead (or refuses a different request), touching no conversation.
     * Two concurrent first uses of one key: one commit fails on the primary key, and the
     * caller's retry then finds the winner's message.
     */
    @Transactional
    public Enqueued enqueue(String workspaceId, Environment environment, SendRequest request,
            String contactId) {
        IdempotencyRecord.Key idempotencyKey = idempotencyKey(workspaceId, environment, request);
        Optional<OutboxMessage> replay = replay(idempotencyKey, request);
        if (replay.isPresent()) {
            return new Enqueued(replay.get(), true, estimate(replay.get()));
        }
        Instance instance = instances.lockIn(workspaceId, environment, request.instanceId());
        long waiting = checkQueueRoom(instance);

        // Only now, with the send certain to be accepted, may it open a conversation.
        Instant now = clock.instant();
        String conversationId = conversations.recordOutbound(instance, contactId, now);
        OutboxMessage queued = messages.save(new OutboxMessage(workspaceId, environment,
                instance.getId(), new OutboxMessage.Addressee(request.to(), contactId, conversationId),
                request.message(), now));
        if (idempotencyKey != null) {
            idempotency.saveAndFlush(new IdempotencyRecord(idempotencyKey, request.fingerprint(),
                    queued.getId(), now));
        }
        wakeDispatcherAfterCommit();
        return new Enqueued(queued, false, estimate(instance, waiting + 1));
    }

    private static IdempotencyRecord.Key idempotencyKey(String workspaceId,
            Environment environment, SendRequest request) {
        return request.idempotencyKey() == null ? null
                : new IdempotencyRecord.Key(workspaceId, environment, request.idempotencyKey());
    }

    /**
     * A conversation's newest messages in both directions, newest first: outbound ones by
     * acceptance time, inbound ones by the time the contact sent them.
     */
    @Transactional(readOnly = true)
    public List<ConversationMessage> recentInConversation(String conversationId, int limit) {
        List<ConversationMessage> merged = new ArrayList<>();
        messages.findByConversationIdOrderByQueueSeqDesc(conversationId, Limit.of(limit))
                .forEach(message -> merged.add(ConversationMessage.of(message)));
        received.findByConversationIdOrderByReceivedAtDescIdDesc(conversationId, Limit.of(limit))
                .forEach(message -> merged.add(ConversationMessage.of(message)));
        // Stable: outbound messages accepted at the same instant keep their queue order.
        merged.sort(Comparator.comparing(ConversationMessage::sortTime).reversed());
        return List.copyOf(merged.subList(0, Math.min(limit, merged.size())));
    }

    private long checkQueueRoom(Instance instance) {
        ThrottleService.Effective throttle = throttles.effective(instance);
        int limit = throttles.queueLimit(throttle.settings());
        long waiting = messages.countByInstanceIdAndStatus(instance.getId(), MessageStatus.QUEUED);
        if (waiting >= limit) {
            Instant now = clock.instant();
            Instant next = throttles.policy(throttle.settings())
                    .earliestSend(instance.throttleState(), now);
            throw new QueueFullException(instance.getId(), waiting, limit, Duration.between(now, next));
        }
        return waiting;
    }

    /** The message an idempotency key produced, forgetting the key once it has expired. */
    private Optional<OutboxMessage> replay(IdempotencyRecord.Key key, SendRequest request) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<IdempotencyRecord> seen = idempotency.findById(key);
        if (seen.isPresent() && isExpired(seen.get())) {
            idempotency.delete(seen.get());
            idempotency.flush();
            return Optional.empty();
        }
        return seen.map(record -> replayed(record, request));
    }

    /** Like {@link #replay} but without writing: an expired key only reads as unknown. */
    private Optional<OutboxMessage> liveReplay(IdempotencyRecord.Key key, SendRequest request) {
        if (key == null) {
            return Optional.empty();
        }
        return idempotency.findById(key).filter(record -> !isExpired(record))
                .map(record -> replayed(record, request));
    }

    private boolean isExpired(IdempotencyRecord record) {
        return record.getCreatedAt().isBefore(clock.instant().minus(IDEMPOTENCY_WINDOW));
    }

    private OutboxMessage replayed(IdempotencyRecord record, SendRequest request) {
        if (!record.getRequestHash().equals(request.fingerprint())) {
            throw new IdempotencyConflictException();
        }
        return messages.findById(record.getMessageId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public MessageView view(String workspaceId, Environment environment, String messageId) {
        OutboxMessage message = find(workspaceId, environment, messageId);
        return MessageView.of(message, estimate(message));
    }

    /** Cancels a message that is still queued; a claim racing with it wins or loses cleanly. */
    @Transactional
    public MessageView cancel(String workspaceId, Environment environment, String messageId) {
        OutboxMessage message = find(workspaceId, environment, messageId);
        if (message.getStatus() != MessageStatus.QUEUED) {
            throw new MessageNotCancellableException(messageId, message.getStatus());
        }
        message.cancel(clock.instant());
        messages.flush();
        return MessageView.of(message, null);
    }

    private OutboxMessage find(String workspaceId, Environment environment, String messageId) {
        return messages.findByIdAndWorkspaceIdAndEnvironment(messageId, workspaceId, environment)
                .orElseThrow(() -> new NotFoundException("message", messageId));
    }

    /**
     * Takes the head of the instance's queue if the instance may send now: connected, nothing
     * in flight, and its throttle gap over. Reserves the throttle slot in the same transaction.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Claim claimNext(String instanceId) {
        Instance instance = instances.lock(instanceId);
        boolean inFlight = messages.existsByInstanceIdAndStatus(instanceId, MessageStatus.SENDING);
        if (!instance.isAcceptingSends() || inFlight) {
            return Claim.nothing();
        }
        Instant now = clock.instant();
        ThrottleSettings settings = throttles.effective(instance).settings();
        ThrottlePolicy policy = throttles.policy(settings);
        ThrottleState state = instance.throttleState();
        Instant startAt = throttles.startAt(settings, state, now);
        if (startAt.isAfter(now.plus(CLAIM_LEAD))) {
            return Claim.notBefore(startAt.minus(CLAIM_LEAD));
        }
        Optional<OutboxMessage> head = liveHead(instanceId, now);
        if (head.isEmpty()) {
            return Claim.nothing();
        }
        head.get().claim(now);
        instance.throttleStateChanged(policy.afterSendStarted(state, startAt));
        return Claim.of(jobFor(head.get(), instance, startAt));
    }

    /** The oldest queued message, expiring those that outlived their time to live. */
    private Optional<OutboxMessage> liveHead(String instanceId, Instant now) {
        Instant cutoff = now.minus(properties.messageTtl());
        while (true) {
            Optional<OutboxMessage> head = messages
                    .findFirstByInstanceIdAndStatusOrderByQueueSeqAsc(instanceId, MessageStatus.QUEUED);
            if (head.isEmpty() || !head.get().getCreatedAt().isBefore(cutoff)) {
                return head;
            }
            head.get().expire(now);
            messages.flush();
        }
    }

    /**
     * Records what the provider answered. Retryable failures keep the message at the head and
     * hold the instance back by the backoff; credential failures disconnect the instance, which
     * pauses its queue with the message still queued.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordOutcome(SendJob job, SendOutcome outcome, Instant sendStart) {
        Instance instance = instances.lock(job.instanceId());
        OutboxMessage message = messages.findById(job.messageId()).orElseThrow();
        Instant now = clock.instant();
        instance.shiftNextSend(Duration.between(job.startAt(), sendStart));
        if (outcome instanceof SendOutcome.Sent sent) {
            message.markSent(sent.providerMessageId(), sent.note(), now);
            instance.sendSucceeded();
            if (sent.providerMessageId() != null
                    && receipts.hasParked(instance.getId(), sent.providerMessageId())) {
                applyParkedAfterCommit(message.getId());
            }
        } else if (outcome instanceof SendOutcome.Failed failed) {
            recordFailure(instance, message, failed, now);
        }
    }

    /**
     * The provider reported on the message before its send was recorded. Applied after the
     * commit, in a transaction of its own, so a problem there can never undo the send's outcome
     * (which would send the message again); the maintenance sweep retries what this misses.
     */
    private void applyParkedAfterCommit(String messageId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    receipts.applyParked(messageId);
                } catch (RuntimeException e) {
                    log.warn("Parked receipts of message {} stay parked for the next sweep: {}",
                            messageId, e.getClass().getSimpleName());
                }
            }
        });
    }

    private void recordFailure(Instance instance, OutboxMessage message, SendOutcome.Failed failed,
            Instant now) {
        switch (failed.kind()) {
            case PERMANENT -> {
                message.markFailed(failed.code(), failed.message(), now);
                instance.sendSucceeded();
            }
            case RETRYABLE -> retryOrGiveUp(instance, message, failed, now);
            case AUTH -> {
                message.requeue("paused: the provider refuses to send for the instance ("
                        + failed.code() + ")", now);
                instances.changeStatus(instance, InstanceStatus.DISCONNECTED,
                        "the provider refuses to send for the instance (" + failed.code() + ")");
                log.info("Instance {} disconnected: the provider refuses to send for it ({}); "
                        + "its queue is paused until it is connected again", instance.getId(),
                        failed.code());
            }
        }
    }

    private void retryOrGiveUp(Instance instance, OutboxMessage message, SendOutcome.Failed failed,
            Instant now) {
        if (message.getAttempts() >= properties.maxAttempts()) {
            message.markFailed(failed.code(), failed.message() + " (gave up after "
                    + message.getAttempts() + " attempts)", now);
            instance.sendSucceeded();
            return;
        }
        Instant retryAt = now.plus(backoff.delay(instance.getRetryStreak() + 1, failed.retryAfter()));
        message.retryLater(failed.code(), failed.message(), retryAt, now);
        instance.retryAt(retryAt);
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

    /** Expires queued messages older than their time to live, also on paused instances. */
    @Transactional
    public int expireStale() {
        Instant now = clock.instant();
        List<OutboxMessage> stale = messages.findByStatusAndCreatedAtBefore(MessageStatus.QUEUED,
                now.minus(properties.messageTtl()));
        stale.forEach(message -> message.expire(now));
        return stale.size();
    }

    private QueueEstimate estimate(OutboxMessage message) {
        if (message.getStatus() != MessageStatus.QUEUED) {
            return null;
        }
        Instance instance = instances.findInWorkspace(message.getWorkspaceId(),
                message.getInstanceId()).orElseThrow();
        long ahead = messages.countByInstanceIdAndStatusAndQueueSeqLessThan(
                message.getInstanceId(), MessageStatus.QUEUED, message.getQueueSeq());
        return estimate(instance, ahead + 1);
    }

    private QueueEstimate estimate(Instance instance, long position) {
        if (!instance.isAcceptingSends()) {
            return new QueueEstimate(position, null);
        }
        ThrottlePolicy policy = throttles.policy(throttles.effective(instance).settings());
        int clamped = (int) Math.min(Integer.MAX_VALUE, position);
        return new QueueEstimate(position,
                policy.estimateSendAt(instance.throttleState(), clock.instant(), clamped));
    }

    private void wakeDispatcherAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pacer.wakeNow();
            }
        });
    }

    private SendJob jobFor(OutboxMessage message, Instance instance, Instant startAt) {
        return new SendJob(instance.getId(), message.getEnvironment(), instance.getProvider(),
                instances.providerConfig(instance),
                new OutboundText(message.getId(), message.getRecipient(), message.getBody()),
                startAt);
    }

    /** A stored message, whether it came from an earlier request with the same key, and where it stands. */
    public record Enqueued(OutboxMessage message, boolean replayed, QueueEstimate estimate) {
    }
}
