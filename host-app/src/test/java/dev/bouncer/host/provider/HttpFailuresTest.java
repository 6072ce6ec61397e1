package dev.bouncer.host.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bouncer.host.provider.SendOutcome.FailureKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpFailuresTest {

    @Test
    void timeoutIsRetryableAndSaysTheProviderMayHaveTheMessage() {
        ProviderHttp.Reply reply = new ProviderHttp.Reply(0, "", null, "SocketTimeoutException");

        SendOutcome.Failed failed = HttpFailures.unanswered("WAHA", reply);

        assertThat(failed.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(failed.code()).isEqualTo("provider_timeout");
        assertThat(failed.message()).contains("may have received");
    }

    @Test
    void refusedConnectionIsRetryable() {
        ProviderHttp.Reply reply = new ProviderHttp.Reply(0, "", null, "HttpHostConnectException");

        SendOutcome.Failed failed = HttpFailures.unanswered("Evolution API", reply);

        assertThat(failed.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(failed.code()).isEqualTo("provider_unreachable");
    }

    @ParameterizedTest(name = "[{index}] HTTP {0} -> {1}")
    @CsvSource({"401, AUTH", "403, AUTH", "408, RETRYABLE", "429, RETRYABLE", "500, RETRYABLE",
        "502, RETRYABLE", "503, RETRYABLE", "400, PERMANENT", "404, PERMANENT", "413, PERMANENT"})
    void classifiesByStatus(int status, FailureKind kind) {
        assertThat(HttpFailures.kindOfStatus(status)).isEqualTo(kind);
    }

    @Test
    void keepsRetryAfterOfARateLimit() {
        ProviderHttp.Reply reply = new ProviderHttp.Reply(429, "{}", "7", null);

        SendOutcome.Failed failed = HttpFailures.ofStatus("WAHA", reply, "");

        assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(failed.message()).isEqualTo("WAHA answered HTTP 429.");
    }
}
