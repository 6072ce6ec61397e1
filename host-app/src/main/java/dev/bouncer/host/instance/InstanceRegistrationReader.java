package dev.bouncer.host.instance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.PlainText;
import dev.bouncer.host.common.RequestReader;
import dev.bouncer.host.provider.ProviderConfig;
import dev.bouncer.host.provider.ProviderConnector;
import dev.bouncer.host.provider.ProviderConnectors;
import dev.bouncer.host.provider.ProviderType;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates instance registrations and changes. The environment decides the providers: test
 * instances are always the sandbox, so nothing done with a test key can reach WhatsApp.
 */
final class InstanceRegistrationReader {

    private static final int MAX_NAME_LENGTH = 100;

    private final ProviderConnectors connectors;

    InstanceRegistrationReader(ProviderConnectors connectors) {
        this.connectors = connectors;
    }

    InstanceRegistration read(RequestReader body) {
        body.rejectUnknownFields(Set.of("name", "environment", "provider", "config"));
        String name = readName(body);
        Optional<Environment> environment = readEnvironment(body);
        Optional<ProviderConnector> connector = readProvider(body, environment);
        RequestReader config = body.object("config", false);
        ProviderConfig providerConfig = connector.map(c -> c.readConfig(config))
                .orElse(new ProviderConfig(Map.of(), Map.of()));
        body.throwIfInvalid();
        return new InstanceRegistration(name, environment.orElseThrow(),
                connector.orElseThrow().type(), providerConfig);
    }

    /**
     * Reads a change of a registered instance. The config fields given replace the stored ones
     * (JSON null removes an optional one); the result is validated as a whole by the connector,
     * as at registration, so a change can never leave a config a send would trip over.
     */
    InstanceChange readChange(JsonNode body, Instance instance, ProviderConfig stored) {
        RequestReader patch = RequestReader.of(body);
        patch.rejectUnknownFields(Set.of("name", "environment", "provider", "config"));
        if (patch.isEmpty()) {
            patch.reject("body", "must set at least one of name, config");
        }
        rejectChanged(patch, "environment", instance.getEnvironment().wire());
        rejectChanged(patch, "provider", instance.getProvider().wire());
        String name = patch.names("name") ? readName(patch) : null;
        ProviderConfig config = null;
        if (patch.names("config")) {
            ObjectNode merged = merged(patch, body.get("config"), stored);
            config = connectors.get(instance.getProvider()).readConfig(patch.objectAs("config", merged));
        }
        patch.throwIfInvalid();
        return new InstanceChange(name, config);
    }

    private static void rejectChanged(RequestReader patch, String field, String current) {
        if (patch.names(field) && !current.equals(patch.optionalString(field).orElse(null))) {
            patch.reject(field, "cannot be changed; register a new instance instead");
        }
    }

    /** The stored config with the given fields laid over it, as JSON Merge Patch does. */
    private static ObjectNode merged(RequestReader patch, JsonNode given, ProviderConfig stored) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        stored.settings().forEach(merged::put);
        stored.secrets().forEach(merged::put);
        if (given == null || !given.isObject()) {
            patch.reject("config", "must be a JSON object");
            return merged;
        }
        given.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                merged.remove(field.getKey());
            } else {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    private static String readName(RequestReader body) {
        String name = body.requiredString("name");
        if (name != null) {
            PlainText.problemWith(name, MAX_NAME_LENGTH).ifPresent(problem -> body.reject("name", problem));
        }
        return name == null ? null : name.strip();
    }

    private static Optional<Environment> readEnvironment(RequestReader body) {
        Optional<String> value = Optional.ofNullable(body.requiredString("environment"));
        Optional<Environment> environment = value.flatMap(Environment::fromWire);
        if (value.isPresent() && environment.isEmpty()) {
            body.reject("environment", "must be 'live' or 'test'");
        }
        return environment;
    }

    private Optional<ProviderConnector> readProvider(RequestReader body,
            Optional<Environment> environment) {
        String value = body.requiredString("provider");
        if (value == null) {
            return Optional.empty();
        }
        Optional<ProviderType> type = ProviderType.fromWire(value);
        Optional<ProviderConnector> connector = type.flatMap(connectors::find);
        if (connector.isEmpty()) {
            body.reject("provider", "must be one of " + supported());
        } else if (environment.isPresent() && !fitsEnvironment(type.get(), environment.get())) {
            body.reject("provider", environment.get() == Environment.TEST
                    ? "test instances always use the 'sandbox' provider"
                    : "the 'sandbox' provider is only for test instances");
            return Optional.empty();
        }
        return connector;
    }

    private static boolean fitsEnvironment(ProviderType type, Environment environment) {
        return (type == ProviderType.SANDBOX) == (environment == Environment.TEST);
    }

    private String supported() {
        return String.join(", ", Arrays.stream(ProviderType.values())
                .filter(type -> connectors.find(type).isPresent())
                .map(type -> "'" + type.wire() + "'").toList());
    }
}
