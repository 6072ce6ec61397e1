package dev.bouncer.host.throttle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncer.camel.throttle.ThrottleMode;
import dev.bouncer.camel.throttle.ThrottlePolicy;
import dev.bouncer.camel.throttle.ThrottleSettings;
import dev.bouncer.host.common.NotFoundException;
import dev.bouncer.host.instance.Instance;
import dev.bouncer.host.instance.InstanceService;
import dev.bouncer.host.workspace.WorkspaceService;
import dev.bouncer.camel.throttle.ThrottleState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throttle settings: a workspace default (off until set) that each instance may override. The
 * effective settings of an instance decide its gaps and its queue cap.
 */
@Service
public class ThrottleService {

    private final WorkspaceService workspaces;
    private final InstanceService instances;
    private final ThrottleCodec codec;
    private final ThrottleProperties properties;
    private final RandomGenerator random;
    private final Clock clock;

    ThrottleService(WorkspaceService workspaces, InstanceService instances, ObjectMapper json,
            ThrottleProperties properties, RandomGenerator dispatchRandom, Clock clock) {
        this.workspaces = workspaces;
        this.instances = instances;
        this.codec = new ThrottleCodec(json);
        this.properties = properties;
        this.random = dispatchRandom;
        this.clock = clock;
    }

    /** The settings that apply to the instance, and where they come from. */
    public Effective effective(Instance instance) {
        if (instance.getThrottleSettingsJson() != null) {
            return new Effective(codec.parseStored(instance.getThrottleSettingsJson()), "instance");
        }
        String workspaceDefault = workspaces.get(instance.getWorkspaceId()).getThrottleSettingsJson();
        return new Effective(workspaceDefault == null ? ThrottleSettings.off()
                : codec.parseStored(workspaceDefault), "workspace");
    }

    /**
     * The policy for these settings. Random gaps are drawn from {@code [minDelay, maxDelay -
     * startMargin]}, so that with the margin added they still end inside the configured range.
     */
    public ThrottlePolicy policy(ThrottleSettings settings) {
        return new ThrottlePolicy(roomForMargin(settings), random);
    }

    private ThrottleSettings roomForMargin(ThrottleSettings settings) {
        if (settings.mode() != ThrottleMode.RANDOM && settings.mode() != ThrottleMode.SMART) {
            return settings;
        }
        Duration narrowed = settings.maxDelay().minus(properties.startMargin());
        return settings.withMaxDelay(narrowed.compareTo(settings.minDelay()) < 0
                ? settings.minDelay() : narrowed);
    }

    /**
     * When a send claimed at {@code now} is to start: the policy's earliest moment, plus the
     * start margin whenever a gap is being waited out.
     */
    public Instant startAt(ThrottleSettings settings, ThrottleState state, Instant now) {
        Instant earliest = policy(settings).earliestSend(state, now);
        boolean waitsOutAGap = settings.mode() != ThrottleMode.OFF && state.nextSendAt() != null;
        Instant withMargin = waitsOutAGap ? state.nextSendAt().plus(properties.startMargin()) : earliest;
        return withMargin.isAfter(earliest) ? withMargin : earliest;
    }

    /** How many messages may wait on an instance with these settings. */
    public int queueLimit(ThrottleSettings settings) {
        return settings.mode() == ThrottleMode.OFF ? properties.offQueueLimit() : settings.maxQueue();
    }

    @Transactional(readOnly = true)
    JsonNode workspaceDefault(String workspaceId) {
        String stored = workspaces.get(workspaceId).getThrottleSettingsJson();
        return codec.toJson(stored == null ? ThrottleSettings.off() : codec.parseStored(stored));
    }

    @Transactional
    JsonNode replaceWorkspaceDefault(String workspaceId, JsonNode body) {
        ThrottleSettings settings = codec.read(body);
        workspaces.updateThrottleSettings(workspaceId, codec.write(settings));
        instances.idsOnWorkspaceThrottle(workspaceId).forEach(instanceId ->
                applyToGapInProgress(instances.lockInWorkspace(workspaceId, instanceId), settings));
        return codec.toJson(settings);
    }

    @Transactional(readOnly = true)
    JsonNode instanceSettings(String workspaceId, String instanceId) {
        return view(effective(ownersInstance(workspaceId, instanceId)));
    }

    @Transactional
    JsonNode replaceInstanceOverride(String workspaceId, String instanceId, JsonNode body) {
        ThrottleSettings settings = codec.read(body);
        Instance instance = instances.lockInWorkspace(workspaceId, instanceId);
        instance.setThrottleSettingsJson(codec.write(settings), clock.instant());
        applyToGapInProgress(instance, settings);
        return view(new Effective(settings, "instance"));
    }

    @Transactional
    JsonNode removeInstanceOverride(String workspaceId, String instanceId) {
        Instance instance = instances.lockInWorkspace(workspaceId, instanceId);
        instance.setThrottleSettingsJson(null, clock.instant());
        Effective fallback = effective(instance);
        applyToGapInProgress(instance, fallback.settings());
        return view(fallback);
    }

    /**
     * A gap in progress ends no later than the longest gap of the new settings from now: an
     * owner who set "1h" by mistake can undo it, and since the last send started before now,
     * the new gap still holds after it.
     */
    /** {@code instance} must be locked in the caller's transaction. */
    private void applyToGapInProgress(Instance instance, ThrottleSettings settings) {
        instance.limitNextSend(clock.instant().plus(longestGap(settings)));
    }

    private Duration longestGap(ThrottleSettings settings) {
        return switch (settings.mode()) {
            case OFF -> Duration.ZERO;
            case FIXED -> settings.minDelay().plus(properties.startMargin());
            case RANDOM -> settings.maxDelay();
            case SMART -> settings.maxDelay().plus(settings.cooldownMax());
        };
    }

    /**
     * Effective settings as JSON with their {@code source}: "instance" or "workspace". With
     * {@code off}, {@code maxQueue} shows the cap that applies, the server-wide limit.
     */
    public JsonNode view(Effective effective) {
        ObjectNode json = codec.toJson(effective.settings()).put("source", effective.source());
        json.put("maxQueue", queueLimit(effective.settings()));
        return json;
    }

    private Instance ownersInstance(String workspaceId, String instanceId) {
        return instances.findInWorkspace(workspaceId, instanceId)
                .orElseThrow(() -> new NotFoundException("instance", instanceId));
    }

    /** Settings in force and whether the instance overrides the workspace default. */
    public record Effective(ThrottleSettings settings, String source) {
    }
}
