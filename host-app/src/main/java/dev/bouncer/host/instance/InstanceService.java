package dev.bouncer.host.instance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.NotFoundException;
import dev.bouncer.host.common.RequestReader;
import dev.bouncer.host.common.SecretBox;
import dev.bouncer.host.event.EventLog;
import dev.bouncer.host.event.EventType;
import dev.bouncer.host.provider.ProviderConfig;
import dev.bouncer.host.provider.ProviderConnectors;
import dev.bouncer.host.provider.ProviderType;
import java.time.Clock;
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

/** Registers instances and hands out their provider settings, decrypting secrets on demand. */
@Service
public class InstanceService {

    private static final Logger log = LoggerFactory.getLogger(InstanceService.class);
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final InstanceRepository instances;
    private final InstanceRegistrationReader registrations;
    private final SecretBox secrets;
    private final EventLog events;
    private final ObjectMapper json;
    private final Clock clock;

    InstanceService(InstanceRepository instances, ProviderConnectors connectors, SecretBox secrets,
            EventLog events, ObjectMapper json, Clock clock) {
        this.instances = instances;
        this.events = events;
        this.registrations = new InstanceRegistrationReader(connectors);
        this.secrets = secrets;
        this.json = json;
        this.clock = clock;
    }

    /** The test-environment sandbox instance every workspace starts with. */
    @Transactional
    public Instance createSandbox(String workspaceId) {
        return instances.save(new Instance(workspaceId, Environment.TEST, "Sandbox",
                ProviderType.SANDBOX, "{}", null, clock.instant()));
    }

    @Transactional
    public Instance register(String workspaceId, JsonNode body) {
        InstanceRegistration registration = registrations.read(RequestReader.of(body));
        ProviderConfig config = registration.config();
        return instances.save(new Instance(workspaceId, registration.environment(),
                registration.name(), registration.provider(), write(config.settings()),
                seal(config), clock.instant()));
    }

    /**
     * Renames the instance and/or replaces its provider config, validated as at registration;
     * secrets are sealed anew. Under the instance's lock, so a send claimed after the commit
     * uses the new config.
     */
    @Transactional
    public Instance update(String workspaceId, String instanceId, JsonNode body) {
        Instance instance = lockInWorkspace(workspaceId, instanceId);
        InstanceChange change = registrations.readChange(body, instance, providerConfig(instance));
        Instant now = clock.instant();
        if (change.name() != null) {
            instance.rename(change.name(), now);
        }
        if (change.config() != null) {
            instance.changeConfig(write(change.config().settings()), seal(change.config()), now);
            log.info("Instance {} config changed (settings {}, secrets {})", instance.getId(),
                    change.config().settings().keySet(), change.config().secrets().keySet());
        }
        return instance;
    }

    @Transactional(readOnly = true)
    public List<Instance> listForOwner(String workspaceId) {
        return instances.findByWorkspaceIdOrderByCreatedAtAscIdAsc(workspaceId);
    }

    @Transactional(readOnly = true)
    public List<Instance> list(String workspaceId, Environment environment) {
        return instances.findByWorkspaceIdAndEnvironmentOrderByCreatedAtAscIdAsc(
                workspaceId, environment);
    }

    /** The instance if it is in this workspace and environment; other callers learn nothing. */
    @Transactional(readOnly = true)
    public Optional<Instance> find(String workspaceId, Environment environment, String id) {
        return instances.findByIdAndWorkspaceIdAndEnvironment(id, workspaceId, environment);
    }

    /** The workspace's sandbox, where pipelines send when they name no instance. */
    @Transactional(readOnly = true)
    public Optional<Instance> findSandbox(String workspaceId) {
        return list(workspaceId, Environment.TEST).stream()
                .filter(instance -> instance.getProvider() == ProviderType.SANDBOX)
                .findFirst();
    }

    /** Any instance of the workspace, either environment: for the owner and for pipelines. */
    @Transactional(readOnly = true)
    public Optional<Instance> findInWorkspace(String workspaceId, String id) {
        return instances.findByIdAndWorkspaceId(id, workspaceId);
    }

    /**
     * Any instance by id alone: for provider webhooks, whose URL names the instance and which
     * prove who sent them by a signature over the body, never by a key.
     */
    @Transactional(readOnly = true)
    public Optional<Instance> findForWebhook(String id) {
        return instances.findById(id);
    }

    /** The instance, row-locked for the rest of the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Instance lock(String instanceId) {
        return instances.lockById(instanceId)
                .orElseThrow(() -> new NotFoundException("instance", instanceId));
    }

    /**
     * The instance of this workspace and environment, row-locked. Locking is the first read in
     * the transaction on purpose: an entity loaded before would be returned as it was, not as
     * the lock found it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Instance lockIn(String workspaceId, Environment environment, String instanceId) {
        return instances.lockById(instanceId)
                .filter(instance -> instance.getWorkspaceId().equals(workspaceId)
                        && instance.getEnvironment() == environment)
                .orElseThrow(() -> new NotFoundException("instance", instanceId));
    }

    /** Any instance of the workspace, row-locked, read for the first time in this transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Instance lockInWorkspace(String workspaceId, String instanceId) {
        return instances.lockById(instanceId)
                .filter(instance -> instance.getWorkspaceId().equals(workspaceId))
                .orElseThrow(() -> new NotFoundException("instance", instanceId));
    }

    /** Ids of the workspace's instances that follow the workspace's default throttle. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> idsOnWorkspaceThrottle(String workspaceId) {
        return instances.findIdsWithoutThrottleOverride(workspaceId);
    }

    /** Marks the instance connected again, which resumes its paused queue. */
    @Transactional
    public Instance markConnected(String workspaceId, String instanceId) {
        Instance instance = lockInWorkspace(workspaceId, instanceId);
        changeStatus(instance, InstanceStatus.CONNECTED, "marked connected by the owner");
        return instance;
    }

    /**
     * Moves a locked instance to another connection status and records the change as an
     * {@code instance.status} event in the same transaction. Nothing happens when the status
     * is already {@code next}, so repeated reports of one state make one event.
     *
     * @param reason why, in words for the event and the logs; never a secret
     * @return whether the status changed
     */
    /**
     * Applies a connection state the provider reported in a webhook, unless it reported a
     * newer one already: webhooks arrive in any order, and a late "FAILED" from before a
     * reconnect must not pause a working number.
     *
     * @param reportedAt the provider's time of the report
     * @return whether the status changed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean changeStatusReported(Instance locked, InstanceStatus next, String reason,
            Instant reportedAt) {
        if (locked.isStaleReport(reportedAt)) {
            log.info("Instance {}: ignored a connection report from {}, older than the last one "
                    + "applied ({})", locked.getId(), reportedAt, reason);
            return false;
        }
        locked.noteStatusReportedAt(reportedAt);
        return changeStatus(locked, next, reason);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean changeStatus(Instance locked, InstanceStatus next, String reason) {
        InstanceStatus previous = locked.getStatus();
        if (previous == next) {
            return false;
        }
        locked.changeStatus(next, clock.instant());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("instanceId", locked.getId());
        data.put("status", next.wire());
        data.put("previousStatus", previous.wire());
        data.put("reason", reason);
        events.record(locked.getWorkspaceId(), locked.getEnvironment(), EventType.INSTANCE_STATUS, data);
        return true;
    }

    private String seal(ProviderConfig config) {
        return config.secrets().isEmpty() ? null : secrets.encrypt(write(config.secrets()));
    }

    /** Ids of the instances whose provider can be asked about their connection: live ones. */
    @Transactional(readOnly = true)
    public List<String> idsToCheck() {
        return instances.findIdsByEnvironmentAndProviderNot(Environment.LIVE, ProviderType.SANDBOX);
    }

    /** What a health check needs of an instance, if it still exists. */
    @Transactional(readOnly = true)
    public Optional<CheckTarget> checkTarget(String instanceId) {
        return instances.findById(instanceId).map(instance -> new CheckTarget(instance.getId(),
                instance.getProvider(), providerConfig(instance)));
    }

    /**
     * Applies what a health check observed, under the instance's lock: a change records an
     * {@code instance.status} event, and a move to connected resumes a paused queue.
     *
     * @return whether the status changed
     */
    @Transactional
    public boolean applyCheck(String instanceId, InstanceStatus observed, String detail) {
        Optional<Instance> instance = instances.lockById(instanceId);
        if (instance.isEmpty()) {
            return false;
        }
        InstanceStatus previous = instance.get().getStatus();
        boolean changed = changeStatus(instance.get(), observed, "health check: " + detail);
        if (changed) {
            log.info("Instance {} is now {} (was {}): health check: {}", instanceId, observed.wire(),
                    previous.wire(), detail);
        }
        return changed;
    }

    /** An instance to check: its provider and its decrypted config, which is never logged. */
    public record CheckTarget(String instanceId, ProviderType provider, ProviderConfig config) {
    }

    /** Settings and decrypted secrets for a connector; never return these to a client. */
    @Transactional(readOnly = true)
    public ProviderConfig providerConfig(Instance instance) {
        Map<String, String> sealedSecrets = instance.getSecretsCiphertext() == null
                ? Map.of() : read(secrets.decrypt(instance.getSecretsCiphertext()));
        return new ProviderConfig(read(instance.getSettingsJson()), sealedSecrets);
    }

    private String write(Map<String, String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write instance settings", e);
        }
    }

    private Map<String, String> read(String stored) {
        try {
            return json.readValue(stored, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored instance settings are not valid JSON", e);
        }
    }
}
