package dev.bouncer.host.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.apikey.RequiresPermission;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description at {@code /api/v1/openapi.json}, generated from the controllers on
 * every start, so it cannot drift from what the server does. Each API-key operation names its
 * permission in {@value #PERMISSION_EXTENSION} and in its description; developer settings are
 * marked as needing the owner's credentials.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String PERMISSION_EXTENSION = "x-bouncer-permission";
    static final String API_KEY_SCHEME = "apiKey";
    static final String OWNER_SCHEME = "owner";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    static {
        // Bodies are read field by field from a JSON tree, so the tree type itself says nothing:
        // each operation documents its body with @RequestBody(content = @Content(schema = ...)).
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
    }

    @Bean
    OpenAPI bouncerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Bouncer API").version("v1").description(
                        "Send WhatsApp messages through a throttled, durable queue and manage "
                                + "contacts and conversations. Errors are RFC 9457 problem "
                                + "documents with a stable `code`."))
                .components(new Components()
                        .addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("bnc_<live|test>_<secret>")
                                .description("An API key from Developer settings."))
                        .addSecuritySchemes(OWNER_SCHEME, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("The workspace owner's email and password."))
                        .addSchemas(PROBLEM, problemSchema()));
    }

    @Bean
    OperationCustomizer permissionsAndErrors() {
        return (operation, handler) -> {
            RequiresPermission rule = handler.getMethodAnnotation(RequiresPermission.class);
            if (rule != null) {
                describeApiKeyOperation(operation, rule.value().wire());
            } else if (isDeveloperSettings(handler)) {
                describeOwnerOperation(operation);
            }
            describeInputErrors(operation, handler);
            return operation;
        };
    }

    private static void describeApiKeyOperation(Operation operation, String permission) {
        operation.addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
        operation.addExtension(PERMISSION_EXTENSION, permission);
        operation.setDescription(join(operation.getDescription(),
                "Requires an API key with the permission `" + permission + "`."));
        ApiResponses responses = responses(operation);
        responses.addApiResponse("401", problem("Missing, malformed, unknown, expired or revoked key."));
        responses.addApiResponse("403", problem("The key lacks `" + permission + "`; the header "
                + "X-Bouncer-Required-Permission names it."));
    }

    private static void describeOwnerOperation(Operation operation) {
        operation.addSecurityItem(new SecurityRequirement().addList(OWNER_SCHEME));
        operation.setDescription(join(operation.getDescription(),
                "Developer settings: needs the workspace owner's credentials, never an API key."));
        responses(operation).addApiResponse("401", problem("Missing or wrong owner credentials."));
    }

    /** An id in the path can name nothing the caller may see; a body can be invalid. */
    private static void describeInputErrors(Operation operation, HandlerMethod handler) {
        ApiResponses responses = responses(operation);
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                responses.addApiResponse("404", problem("No such resource in this workspace and "
                        + "environment (also for ids of other workspaces)."));
            }
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                responses.addApiResponse("400", problem("The body is not JSON."));
                responses.addApiResponse("422", problem("Invalid fields; `errors` names each one."));
            }
        }
        if (hasQueryParameters(handler)) {
            responses.addApiResponse("422", problem("Invalid query parameters; `errors` names each."));
        }
    }

    private static boolean hasQueryParameters(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestParam.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDeveloperSettings(HandlerMethod handler) {
        return handler.getBeanType().getSimpleName().startsWith("Developer");
    }

    private static ApiResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        return operation.getResponses();
    }

    private static ApiResponse problem(String description) {
        Schema<?> reference = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(reference)));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details with Bouncer's stable error code.")
                .properties(Map.of(
                        "type", new StringSchema(),
                        "title", new StringSchema(),
                        "status", new IntegerSchema(),
                        "detail", new StringSchema(),
                        "code", new StringSchema().description("Stable machine-readable code."),
                        "errors", new io.swagger.v3.oas.models.media.ArraySchema().items(
                                new ObjectSchema().properties(Map.of(
                                        "field", new StringSchema(),
                                        "message", new StringSchema()))),
                        "requiredPermission", new StringSchema()));
    }

    private static String join(String existing, String addition) {
        return existing == null || existing.isBlank() ? addition : existing + "\n\n" + addition;
    }
}
