package dev.bouncer.host.common;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets operators turn the YAML pipelines off with an empty {@code bouncer.routes.include-pattern}.
 * Camel refuses an empty pattern, so an empty value becomes one that matches no file.
 */
public class PipelineSwitch implements EnvironmentPostProcessor {

    static final String PATTERN = "bouncer.routes.include-pattern";
    private static final String NO_PIPELINES = "classpath:bouncer/no-pipelines/*.yaml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment,
            SpringApplication application) {
        String pattern = environment.getProperty(PATTERN);
        if (pattern != null && pattern.isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource("bouncer-no-pipelines",
                    Map.of(PATTERN, NO_PIPELINES)));
        }
    }
}
