package dev.bouncer.host.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bouncer.host.audit.AuditLog;
import dev.bouncer.host.audit.TestAuditLogs;
import dev.bouncer.host.common.Environment;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mistyped key costs no database query: every repository here fails the test the moment it
 * is touched, and a mistyped key is still refused.
 */
class ApiKeyServiceTest {

    private final List<String> databaseCalls = new ArrayList<>();
    private final ApiKeyService service = serviceWithoutDatabase();

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"one character changed", "checksum changed", "one character short",
        "one character long", "earlier format", "environment relabelled"})
    void refusesAMistypedKeyWithoutAQuery(String mistake) {
        String key = ApiKeyFormat.generate(Environment.TEST);

        assertThat(service.authenticate(mistyped(key, mistake))).isEmpty();

        assertThat(databaseCalls).isEmpty();
    }

    @Test
    void aWellFormedKeyDoesReachTheDatabase() {
        String key = ApiKeyFormat.generate(Environment.LIVE);

        assertThatThrownBy(() -> service.authenticate(key)).isInstanceOf(AssertionError.class);

        assertThat(databaseCalls).containsExactly("ApiKeySecretRepository.findWithKey");
    }

    private static String mistyped(String key, String mistake) {
        int middle = 25;
        char other = key.charAt(middle) == 'a' ? 'b' : 'a';
        return switch (mistake) {
            case "one character changed" ->
                    key.substring(0, middle) + other + key.substring(middle + 1);
            case "checksum changed" -> key.substring(0, key.length() - 1)
                    + (key.endsWith("0") ? '1' : '0');
            case "one character short" -> key.substring(0, key.length() - 1);
            case "one character long" -> key + "0";
            case "earlier format" -> key.substring(0, key.length() - ApiKeyFormat.CHECKSUM_LENGTH);
            case "environment relabelled" -> key.replace("bnc_test_", "bnc_live_");
            default -> throw new IllegalArgumentException(mistake);
        };
    }

    private ApiKeyService serviceWithoutDatabase() {
        ApiKeyRepository keys = failing(ApiKeyRepository.class);
        ApiKeySecretRepository secrets = failing(ApiKeySecretRepository.class);
        AuditLog audit = TestAuditLogs.over(failingHandler("AuditEventRepository"));
        TransactionTemplate transactions =
                new TransactionTemplate(failing(PlatformTransactionManager.class));
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
        return new ApiKeyService(keys, secrets, audit, new KeyUsageRecorder(keys, transactions),
                new RefusedUseAudit(audit), clock);
    }

    /** A stand-in that records and fails every call, so no query can pass unnoticed. */
    private <T> T failing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                failingHandler(type.getSimpleName())));
    }

    private InvocationHandler failingHandler(String name) {
        return (self, method, arguments) -> {
            databaseCalls.add(name + "." + method.getName());
            throw new AssertionError("The database was asked: " + name + "." + method.getName());
        };
    }
}
