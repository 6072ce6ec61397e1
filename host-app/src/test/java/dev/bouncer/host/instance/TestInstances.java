package dev.bouncer.host.instance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.SecretBox;
import dev.bouncer.host.provider.ProviderType;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * Stores live instances of providers the API cannot register yet (Evolution, WAHA), with
 * secrets sealed as registration seals them.
 */
public final class TestInstances {

    private TestInstances() {
    }

    public static String create(ApplicationContext context, String workspaceId, ProviderType provider,
            Map<String, String> settings, Map<String, String> secrets) throws Exception {
        ObjectMapper json = context.getBean(ObjectMapper.class);
        String sealed = context.getBean(SecretBox.class).encrypt(json.writeValueAsString(secrets));
        Instance instance = new Instance(workspaceId, Environment.LIVE, provider.wire() + " number",
                provider, json.writeValueAsString(settings), sealed, Instant.now());
        return context.getBean(InstanceRepository.class).save(instance).getId();
    }

    public static String status(ApplicationContext context, String instanceId) {
        return context.getBean(InstanceRepository.class).findById(instanceId).orElseThrow()
                .getStatus().wire();
    }
}
