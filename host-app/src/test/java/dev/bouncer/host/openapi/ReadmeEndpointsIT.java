package dev.bouncer.host.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bouncer.host.apikey.RequiresPermission;
import dev.bouncer.host.support.HostAppIT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The README is the front door, so it must keep up with the routes: every operation under
 * {@code /api/v1} has a row in its endpoint table naming who may call it, and a curl example.
 */
class ReadmeEndpointsIT extends HostAppIT {

    private static final Pattern CURL_URL = Pattern.compile("https?://[^/\\s\"']+(/[^\\s\"'?]*)");
    private static final Pattern CURL_METHOD = Pattern.compile("-X\\s+([A-Z]+)");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping routes;

    @Test
    void everyOperationHasATableRowWithItsPermissionAndACurlExample() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        List<String> examples = curlExamples(readme);
        List<String> withoutRow = new ArrayList<>();
        List<String> withoutExample = new ArrayList<>();
        routes.getHandlerMethods().forEach((mapping, handler) -> {
            for (String path : mapping.getPatternValues()) {
                if (!path.startsWith("/api/v1/") || !isOurs(handler)) {
                    continue;
                }
                mapping.getMethodsCondition().getMethods().forEach(method -> {
                    String operation = method.name() + " " + path;
                    if (!readme.contains("| `" + operation + "` | " + who(handler) + " |")) {
                        withoutRow.add(operation);
                    }
                    if (examples.stream().noneMatch(example -> example.matches(exampleOf(method.name(), path)))) {
                        withoutExample.add(operation);
                    }
                });
            }
        });
        assertThat(withoutRow).as("operations without a README table row naming who may call them")
                .isEmpty();
        assertThat(withoutExample).as("operations without a curl example in the README").isEmpty();
    }

    private static String who(HandlerMethod handler) {
        RequiresPermission rule = handler.getMethodAnnotation(RequiresPermission.class);
        return rule == null ? "owner" : "`" + rule.value().wire() + "`";
    }

    /** Each curl command as "METHOD /path", its lines joined. */
    private static List<String> curlExamples(String readme) {
        List<String> examples = new ArrayList<>();
        String joined = readme.replace("\\\n", " ");
        for (String line : joined.split("\n")) {
            if (!line.strip().startsWith("curl ")) {
                continue;
            }
            Matcher url = CURL_URL.matcher(line);
            if (url.find()) {
                Matcher method = CURL_METHOD.matcher(line);
                String verb = method.find() ? method.group(1) : line.contains(" -d ") ? "POST" : "GET";
                examples.add(verb + " " + url.group(1));
            }
        }
        return examples;
    }

    /** A regex matching an example of the operation: each {variable} stands for some id. */
    private static String exampleOf(String method, String path) {
        return Pattern.quote(method + " ") + Pattern.quote(path)
                .replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
    }

    private static boolean isOurs(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("dev.bouncer.host");
    }
}
