package dev.bouncer.host.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.instance.Instance;
import dev.bouncer.host.instance.InstanceService;
import dev.bouncer.host.provider.ProviderConfig;
import dev.bouncer.host.provider.ProviderType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes provider webhooks in: verifies them over the raw bytes, cuts them into events and
 * stores each once. Nothing is applied here, so the provider gets its answer at once; the
 * {@link InboundProcessor} applies the stored events afterwards.
 */
@Service
class InboundIntake {

    private static final Logger log = LoggerFactory.getLogger(InboundIntake.class);

    private final InstanceService instances;
    private final WebhookSignatures signatures;
    private final InboundEventRepository events;
    private final Map<ProviderType, WebhookFormat> formats = new EnumMap<>(ProviderType.class);
    private final ObjectMapper json;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    InboundIntake(InstanceService instances, WebhookSignatures signatures,
            InboundEventRepository events, List<WebhookFormat> formats, ObjectMapper json,
            PlatformTransactionManager transactions, Clock clock) {
        this.instances = instances;
        this.signatures = signatures;
        this.events = events;
        formats.forEach(format -> this.formats.put(format.provider(), format));
        this.json = json;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Verifies and stores a webhook; returns once every event in it is committed. A repeat of
     * an event already stored is accepted and stored no second time.
     *
     * @return how many events were new
     */
    int accept(String instanceId, WebhookRequest request) {
        Instance instance = webhookInstance(instanceId);
        ProviderConfig config = instances.providerConfig(instance);
        try {
            signatures.verify(instance.getProvider(), config, request);
        } catch (WebhookRejectedException rejected) {
            log.debug("Webhook for instance {} refused: {}", instanceId, rejected.reason());
            throw rejected;
        }
        List<InboundItem> items = split(formats.get(instance.getProvider()), request.body(), config);
        int stored = (int) items.stream().filter(item -> storeOnce(instance, item)).count();
        log.debug("Webhook for instance {}: {} event(s), {} new", instanceId, items.size(), stored);
        return stored;
    }

    /** The instance if it can receive webhooks; the sandbox never talks to a provider. */
    private Instance webhookInstance(String instanceId) {
        return instances.findForWebhook(instanceId)
                .filter(instance -> formats.containsKey(instance.getProvider()))
                .orElseThrow(() -> {
                    log.debug("Webhook for unknown or sandbox instance {} refused", instanceId);
                    return WebhookRejectedException.invalid("no instance that receives webhooks");
                });
    }

    /**
     * The events in the body. A body that is not JSON, or that the format cannot cut up, is
     * still one stored event (marked failed): the provider must not retry it forever.
     */
    List<InboundItem> split(WebhookFormat format, byte[] body, ProviderConfig config) {
        String raw;
        try {
            raw = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            String lenient = new String(body, StandardCharsets.UTF_8);
            return List.of(unreadable(lenient, "the body is not UTF-8"));
        }
        JsonNode tree;
        try {
            tree = json.readTree(raw);
        } catch (JsonProcessingException e) {
            return List.of(unreadable(raw, "the body is not valid JSON"));
        }
        if (tree == null || !tree.isObject()) {
            return List.of(unreadable(raw, "the body is not a JSON object"));
        }
        try {
            return format.split(tree, raw, config);
        } catch (RuntimeException e) {
            return List.of(unreadable(raw, "the body could not be read as a "
                    + format.provider().wire() + " webhook (" + e.getClass().getSimpleName() + ")"));
        }
    }

    private static InboundItem unreadable(String raw, String reason) {
        return InboundItem.skip(InboundKind.UNREADABLE, Payloads.bodyKey(raw), raw, reason);
    }

    /**
     * Stores the event unless its key is stored already. Each insert has a transaction of its
     * own: on PostgreSQL the unique violation of a lost race aborts the transaction it ran in.
     */
    private boolean storeOnce(Instance instance, InboundItem item) {
        if (events.existsByInstanceIdAndKindAndDedupeKey(instance.getId(), item.kind(), item.dedupeKey())) {
            return false;
        }
        try {
            ownTransaction.executeWithoutResult(status -> events.saveAndFlush(new InboundEvent(
                    instance.getWorkspaceId(), instance.getEnvironment(), instance.getId(),
                    instance.getProvider(), item, clock.instant())));
            return true;
        } catch (DataIntegrityViolationException refused) {
            // A parallel delivery of the same event committed first: it is stored, once.
            // Anything else the database refused must fail the webhook, so the provider retries.
            if (events.existsByInstanceIdAndKindAndDedupeKey(instance.getId(), item.kind(),
                    item.dedupeKey())) {
                return false;
            }
            throw refused;
        }
    }
}
