package dev.bouncer.host.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bouncer.host.BouncerApplication;
import dev.bouncer.host.support.ApiClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A first start without a configured owner password generates one and logs it once, because
 * the log is the only way to learn it; later starts on the same data never log it again.
 */
@ExtendWith(OutputCaptureExtension.class)
class OwnerBootstrapIT {

    private static final String OWNER_EMAIL = "first-start@example.test";
    private static final Pattern GENERATED_PASSWORD =
            Pattern.compile("Generated owner password \\([^)]*\\): (\\S+)");

    @TempDir
    private Path dataDir;

    @Test
    void logsTheGeneratedOwnerPasswordOnlyOnTheFirstStart(CapturedOutput output) {
        String firstStartLog;
        String password;
        int firstStartStatus;
        int wrongPasswordStatus;
        try (ConfigurableApplicationContext firstStart = start()) {
            firstStartLog = output.getAll();
            password = generatedPasswords(firstStartLog).stream().findFirst().orElse("");
            firstStartStatus = developerKeysStatus(firstStart, password);
            wrongPasswordStatus = developerKeysStatus(firstStart, password + "x");
        }
        String secondStartLog;
        int secondStartStatus;
        try (ConfigurableApplicationContext secondStart = start()) {
            secondStartLog = output.getAll().substring(firstStartLog.length());
            secondStartStatus = developerKeysStatus(secondStart, password);
        }

        assertThat(generatedPasswords(firstStartLog).size())
                .as("generated passwords logged by the first start").isEqualTo(1);
        assertThat(firstStartStatus).as("the generated password signs the owner in").isEqualTo(200);
        assertThat(wrongPasswordStatus).as("another password signs the owner in").isEqualTo(401);
        assertThat(generatedPasswords(secondStartLog).size())
                .as("generated passwords logged by the second start").isZero();
        assertThat(secondStartLog.contains(password))
                .as("the second start logs the first start's password").isFalse();
        assertThat(secondStartStatus).as("the password still works after a restart").isEqualTo(200);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BouncerApplication.class).run(
                "--bouncer.data-dir=" + dataDir,
                "--server.port=0",
                "--bouncer.owner.email=" + OWNER_EMAIL,
                // Empty means "not configured", also when the environment happens to set one.
                "--bouncer.owner.password=",
                "--bouncer.routes.include-pattern=classpath:no-pipelines/*.yaml");
    }

    private static List<String> generatedPasswords(String log) {
        List<String> passwords = new ArrayList<>();
        Matcher matcher = GENERATED_PASSWORD.matcher(log);
        while (matcher.find()) {
            passwords.add(matcher.group(1));
        }
        return passwords;
    }

    private static int developerKeysStatus(ConfigurableApplicationContext context, String password) {
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        return new ApiClient(port).get("/api/v1/developer/keys",
                ApiClient.basic(OWNER_EMAIL, password)).status();
    }
}
