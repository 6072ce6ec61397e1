package dev.bouncer.host.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bouncer.host.apikey.RequiresPermission;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.HostAppIT;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The published OpenAPI document, read the way a client generator reads it. */
class OpenApiDocumentIT extends HostAppIT {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping routes;

    private ApiClient.Response fetched;
    private OpenAPI document;

    @BeforeEach
    void fetchWithoutCredentials() {
        fetched = api().get("/api/v1/openapi.json", null);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(fetched.body());
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        document = parsed.getOpenAPI();
    }

    @Test
    void isPublicJsonOpenApi3() {
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.header("Content-Type")).startsWith("application/json");
        assertThat(fetched.json().path("openapi").asText()).startsWith("3.");
        assertThat(document.getComponents().getSecuritySchemes().get("apiKey").getScheme())
                .isEqualTo("bearer");
    }

    @Test
    void everyRouteIsDescribedWithItsPermissionOrAsDeveloperSettings() {
        Map<String, Operation> described = operations();
        List<String> routesSeen = new ArrayList<>();
        routes.getHandlerMethods().forEach((mapping, handler) -> {
            for (String path : mapping.getPatternValues()) {
                if (!path.startsWith("/api/v1/") || !isOurs(handler)) {
                    continue;
                }
                mapping.getMethodsCondition().getMethods().forEach(method -> {
                    String key = method.name() + " " + path;
                    routesSeen.add(key);
                    assertThat(described).as("described operations").containsKey(key);
                    assertDescribedAsRouted(key, described.get(key), handler);
                });
            }
        });
        assertThat(described.keySet()).as("nothing described that is not routed")
                .containsExactlyInAnyOrderElementsOf(routesSeen);
    }

    @Test
    void everyOperationHasAUniqueNamedIdAndASummary() {
        Map<String, String> ids = new HashMap<>();
        operations().forEach((key, operation) -> {
            assertThat(operation.getSummary()).as(key + " summary").isNotBlank();
            assertThat(operation.getOperationId()).as(key + " operationId")
                    .matches("[a-z][A-Za-z]+");
            assertThat(ids.put(operation.getOperationId(), key)).as("operationId of " + key
                    + " already used by another operation").isNull();
        });
    }

    private static void assertDescribedAsRouted(String key, Operation operation, HandlerMethod handler) {
        RequiresPermission rule = handler.getMethodAnnotation(RequiresPermission.class);
        if (key.contains(" /api/v1/developer/")) {
            assertThat(operation.getSecurity()).as(key).singleElement()
                    .satisfies(requirement -> assertThat(requirement).containsOnlyKeys("owner"));
            return;
        }
        assertThat(rule).as(key + " has a permission").isNotNull();
        assertThat(operation.getExtensions()).as(key)
                .containsEntry("x-bouncer-permission", rule.value().wire());
        assertThat(operation.getDescription()).as(key).contains("`" + rule.value().wire() + "`");
        assertThat(operation.getSecurity()).as(key).singleElement()
                .satisfies(requirement -> assertThat(requirement).containsOnlyKeys("apiKey"));
        assertThat(operation.getResponses()).as(key).containsKeys("401", "403");
    }

    private Map<String, Operation> operations() {
        Map<String, Operation> operations = new HashMap<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach(
                (PathItem.HttpMethod method, Operation operation) ->
                        operations.put(method.name() + " " + path, operation)));
        return operations;
    }

    private static boolean isOurs(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("dev.bouncer.host");
    }
}
