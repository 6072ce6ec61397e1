package dev.bouncer.host.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.HostAppIT;
import org.junit.jupiter.api.Test;

/** Password guessing on the owner sign-in is cut off per email, without locking anyone else. */
class SignInGuardIT extends HostAppIT {

    private static final String PASSWORD = "the tenant's own passphrase";

    @Test
    void tenWrongPasswordsLockTheEmailEvenForTheRightOneAndNobodyElse() {
        String email = "guessed@example.test";
        ApiClient.Response created = api().postJson("/api/v1/developer/workspaces", owner(),
                "{\"name\":\"Guessed\",\"ownerEmail\":\"" + email + "\",\"ownerPassword\":\"" + PASSWORD + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api().get("/api/v1/developer/workspace", ApiClient.basic(email, PASSWORD)).status())
                .isEqualTo(200);

        for (int attempt = 1; attempt <= SignInGuard.MAX_FAILURES; attempt++) {
            assertThat(api().get("/api/v1/developer/workspace", ApiClient.basic(email, "guess " + attempt))
                    .status()).as("wrong password " + attempt).isEqualTo(401);
        }
        ApiClient.Response locked = api().get("/api/v1/developer/workspace", ApiClient.basic(email, PASSWORD));
        ApiClient.Response lockedOtherCase = api().get("/api/v1/developer/workspace",
                ApiClient.basic(email.toUpperCase(), PASSWORD));

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().path("code").asText()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, SignInGuard.WINDOW.toSeconds() + 1);
        assertThat(lockedOtherCase.status()).isEqualTo(429);
        assertThat(api().get("/api/v1/developer/workspace", owner()).status()).isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInClearsEarlierMistakes() {
        String email = "forgetful@example.test";
        api().postJson("/api/v1/developer/workspaces", owner(),
                "{\"name\":\"Forgetful\",\"ownerEmail\":\"" + email + "\",\"ownerPassword\":\"" + PASSWORD + "\"}");

        for (int round = 0; round < 3; round++) {
            for (int attempt = 1; attempt < SignInGuard.MAX_FAILURES; attempt++) {
                api().get("/api/v1/developer/workspace", ApiClient.basic(email, "typo " + attempt));
            }
            assertThat(api().get("/api/v1/developer/workspace", ApiClient.basic(email, PASSWORD)).status())
                    .as("round " + round).isEqualTo(200);
        }
    }
}
