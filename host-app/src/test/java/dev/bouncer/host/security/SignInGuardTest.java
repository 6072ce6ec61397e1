package dev.bouncer.host.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bouncer.host.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

class SignInGuardTest {

    private final MutableClock clock = new MutableClock();
    private final SignInGuard guard = new SignInGuard(clock);

    @Test
    void theLockEndsAWindowAfterTheFirstFailure() {
        failTimes("owner@example.test", 5);
        clock.advance(Duration.ofMinutes(10));
        failTimes("owner@example.test", 5);

        assertThat(guard.lockedFor("Owner@Example.test ")).contains(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(guard.lockedFor("owner@example.test")).isEmpty();
    }

    @Test
    void failuresSpreadWiderThanTheWindowNeverLock() {
        for (int i = 0; i < 30; i++) {
            failTimes("slow@example.test", 1);
            clock.advance(Duration.ofMinutes(2));
        }

        assertThat(guard.lockedFor("slow@example.test")).isEmpty();
    }

    @Test
    void aSignInClearsTheCount() {
        failTimes("owner@example.test", SignInGuard.MAX_FAILURES - 1);
        guard.onSignIn(new AuthenticationSuccessEvent(token("owner@example.test")));
        failTimes("owner@example.test", SignInGuard.MAX_FAILURES - 1);

        assertThat(guard.lockedFor("owner@example.test")).isEmpty();
    }

    private void failTimes(String email, int times) {
        for (int i = 0; i < times; i++) {
            guard.onWrongPassword(new AuthenticationFailureBadCredentialsEvent(token(email),
                    new BadCredentialsException("wrong")));
        }
    }

    private static UsernamePasswordAuthenticationToken token(String email) {
        return new UsernamePasswordAuthenticationToken(email, "not the password");
    }
}
