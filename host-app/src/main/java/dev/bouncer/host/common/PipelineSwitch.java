package dev.bouncer.host.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets operators turn the YAML pipelines off with an empty {@code bouncer.routes.include-pattern}.
 * Camel refuses an empty pattern, so an empty value becomes one that matches no file. Without a
 * configured pattern, a working directory that has no {@code routes/} folder also means no
 * pipelines, so the jar starts from anywhere; a configured pattern is taken as given.
 */
public class PipelineSwitch implements EnvironmentPostProcessor {

    static final String PATTERN = "bouncer.routes.include-pattern";
    private static final String NO_PIPELINES = "classpath:bouncer/no-pipelines/*.yaml";
    private static final Path DEFAULT_FOLDER = Path.of("routes");

    private final Log log;

    public PipelineSwitch(DeferredLogFactory logs) {
        this.log = logs.getLog(PipelineSwitch.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment,
            SpringApplication application) {
        String pattern = environment.getProperty(PATTERN);
        boolean noDefaultFolder = pattern == null && !Files.isDirectory(DEFAULT_FOLDER);
        if (noDefaultFolder) {
            log.info("No routes/ folder in " + Path.of("").toAbsolutePath()
                    + ": starting without YAML pipelines");
        }
        if (noDefaultFolder || (pattern != null && pattern.isBlank())) {
            environment.getPropertySources().addFirst(new MapPropertySource("bouncer-no-pipelines",
                    Map.of(PATTERN, NO_PIPELINES)));
        }
    }
}
