package dev.bouncer.host.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.instance.Instance;
import dev.bouncer.host.instance.InstanceService;
import dev.bouncer.host.message.ReceiptService;
import dev.bouncer.host.message.ReceivedMessages;
import dev.bouncer.host.provider.ProviderType;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies stored provider events, each in a transaction of its own, so one that fails rolls
 * back alone and the others go on. The event's row lock makes a second node skip it.
 */
@Service
class InboundProcessor {

    private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);

    private final InboundEventRepository events;
    private final Map<ProviderType, WebhookFormat> formats = new EnumMap<>(ProviderType.class);
    private final ReceivedMessages received;
    private final ReceiptService receipts;
    private final InstanceService instances;
    private final InboundProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    InboundProcessor(InboundEventRepository events, List<WebhookFormat> formats,
            ReceivedMessages received, ReceiptService receipts, InstanceService instances,
            InboundProperties properties, ObjectMapper json, Clock clock) {
        this.events = events;
        formats.forEach(format -> this.formats.put(format.provider(), format));
        this.received = received;
        this.receipts = receipts;
        this.instances = instances;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<String> due() {
        return events.findDue(InboundEventStatus.PENDING, clock.instant(),
                Limit.of(properties.batchSize()));
    }

    /** Applies one stored event, unless another node has done so meanwhile. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void process(String eventId) {
        Optional<InboundEvent> locked = events.lockById(eventId).filter(InboundEvent::isPending);
        if (locked.isEmpty()) {
            return;
        }
        InboundEvent event = locked.get();
        InboundChange change = formats.get(event.getProvider())
                .read(event.getKind(), parse(event.getPayload()), event.getReceivedAt());
        String skipped = apply(event, change);
        if (skipped == null) {
            event.processed(clock.instant());
        } else {
            event.skip(skipped, clock.instant());
        }
    }

    /** Records a failed attempt, in a fresh transaction after the failed one rolled back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void attemptFailed(String eventId, RuntimeException failure) {
        events.lockById(eventId).filter(InboundEvent::isPending).ifPresent(event -> {
            if (failure instanceof ReceivedMessages.UnusableSender unusable) {
                event.fail(unusable.getMessage(), clock.instant());
            } else {
                event.attemptFailed(describe(failure), properties.maxAttempts(),
                        properties.retryDelay(), clock.instant());
            }
            log.info("Inbound event {} ({} on instance {}) failed: {}{}", event.getId(),
                    event.getKind().wire(), event.getInstanceId(), describe(failure),
                    event.isPending() ? "; it will be retried" : "; gave up");
        });
    }

    /** @return why the event was not applied, or null when it was */
    private String apply(InboundEvent event, InboundChange change) {
        if (change instanceof InboundChange.Skip skip) {
            return skip.reason();
        }
        if (change instanceof InboundChange.Received message) {
            boolean stored = received.receive(event.getWorkspaceId(), event.getEnvironment(),
                    event.getInstanceId(), message.text());
            return stored ? null : "the message was stored before";
        }
        // The first read of the instance in this transaction, as locking must be.
        Instance instance = instances.lock(event.getInstanceId());
        if (change instanceof InboundChange.Receipt receipt) {
            receipts.apply(instance, receipt.receipt());
        } else if (change instanceof InboundChange.Connection connection) {
            instances.changeStatusReported(instance, connection.status(), connection.reason(),
                    connection.reportedAt());
        }
        return null;
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored webhook event is not JSON", e);
        }
    }

    /** The kind of failure, and its message only when it is ours: driver messages may quote values. */
    private static String describe(RuntimeException failure) {
        return failure instanceof IllegalStateException || failure instanceof IllegalArgumentException
                ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
                : failure.getClass().getSimpleName();
    }
}
