package dev.bouncer.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.Test;

class BouncerConfigurationTest {

    private static final String KEY = BouncerTestSupport.KEY;

    @Test
    void initialValuesMatchDefaultsDeclaredInCatalog() throws Exception {
        JsonNode options = catalog().path("properties");
        BouncerConfiguration configuration = new BouncerConfiguration();

        assertThat(configuration.getBaseUrl())
                .isEqualTo(options.path("baseUrl").path("defaultValue").asText());
        assertThat(configuration.getConnectTimeout()).isEqualTo(
                TimeUtils.toDuration(options.path("connectTimeout").path("defaultValue").asText()));
        assertThat(configuration.getRequestTimeout()).isEqualTo(
                TimeUtils.toDuration(options.path("requestTimeout").path("defaultValue").asText()));
    }

    @Test
    void catalogMarksApiKeyAsRequiredSecret() throws Exception {
        JsonNode apiKey = catalog().path("properties").path("apiKey");

        assertThat(apiKey.path("secret").asBoolean()).isTrue();
        assertThat(apiKey.path("required").asBoolean()).isTrue();
    }

    @Test
    void copyIsIndependentOfOriginal() {
        BouncerConfiguration original = new BouncerConfiguration();
        original.setInstanceId("ins_1");

        BouncerConfiguration copy = original.copy();
        copy.setInstanceId("ins_2");

        assertThat(original.getInstanceId()).isEqualTo("ins_1");
    }

    @Test
    void toStringShowsOnlyTheKeyEnvironment() {
        BouncerConfiguration configuration = new BouncerConfiguration();
        configuration.setApiKey(KEY);

        assertThat(configuration.toString()).doesNotContain(KEY).contains("apiKey=bnc_test_***");
    }

    @Test
    void toStringHidesAllOfAKeyWithUnknownPrefix() {
        BouncerConfiguration configuration = new BouncerConfiguration();
        configuration.setApiKey("secret-value-123");

        assertThat(configuration.toString()).doesNotContain("secret").contains("apiKey=***");
    }

    @Test
    void acceptsLiveAndTestKeys() {
        BouncerConfiguration configuration = new BouncerConfiguration();

        configuration.setApiKey("bnc_live_abcDEF123abcDEF123abcDEF123abcDEF12300001PaFv1");
        configuration.validate();
        configuration.setApiKey(KEY);
        configuration.validate();
    }

    @Test
    void rejectsAMistypedOrTruncatedKeyByItsChecksumWithoutEchoingIt() {
        BouncerConfiguration configuration = new BouncerConfiguration();
        String mistyped = KEY.substring(0, 20) + (KEY.charAt(20) == 'x' ? 'y' : 'x') + KEY.substring(21);

        for (String bad : new String[] {mistyped, KEY.substring(0, KEY.length() - 1)}) {
            configuration.setApiKey(bad);

            assertThatThrownBy(configuration::validate).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("apiKey").hasMessageNotContaining(bad.substring(9));
        }
    }

    @Test
    void rejectsKeyWithWhitespaceWithoutEchoingIt() {
        BouncerConfiguration configuration = new BouncerConfiguration();
        configuration.setApiKey(KEY + "\n");

        assertThatThrownBy(configuration::validate)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void rejectsNonPositiveTimeout() {
        BouncerConfiguration configuration = new BouncerConfiguration();
        configuration.setApiKey(KEY);
        configuration.setRequestTimeout(Duration.ZERO);

        assertThatThrownBy(configuration::validate)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestTimeout option must be positive");
    }

    private static JsonNode catalog() throws Exception {
        try (InputStream json = BouncerConfigurationTest.class
                .getResourceAsStream("/META-INF/dev/bouncer/camel/bouncer.json")) {
            return new ObjectMapper().readTree(json);
        }
    }
}
