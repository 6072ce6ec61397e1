package dev.bouncer.host.provider;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds the connector for a provider type among those this build supports. */
@Component
public class ProviderConnectors {

    private final Map<ProviderType, ProviderConnector> byType = new EnumMap<>(ProviderType.class);

    ProviderConnectors(List<ProviderConnector> connectors) {
        connectors.forEach(connector -> byType.put(connector.type(), connector));
    }

    public Optional<ProviderConnector> find(ProviderType type) {
        return Optional.ofNullable(byType.get(type));
    }

    public ProviderConnector get(ProviderType type) {
        return find(type).orElseThrow(() ->
                new IllegalStateException("No connector for provider " + type.wire()));
    }
}
