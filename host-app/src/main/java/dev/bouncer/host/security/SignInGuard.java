package dev.bouncer.host.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing on the owner sign-in: after {@link #MAX_FAILURES} wrong
 * passwords for one email within {@link #WINDOW}, that email is refused, even with the right
 * password, until the window has passed since the first of them. A successful sign-in clears
 * the count. Counts are kept per node, in memory.
 */
@Component
class SignInGuard {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Bounds memory under a flood of made-up emails; the oldest windows go first. */
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInGuard(Clock clock) {
        this.clock = clock;
    }

    /** How long the email must wait before it may try again; empty when it may now. */
    Optional<Duration> lockedFor(String email) {
        Failures seen = failures.get(normalise(email));
        Instant now = clock.instant();
        if (seen == null || seen.count() < MAX_FAILURES || !now.isBefore(seen.until())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, seen.until()));
    }

    @EventListener
    void onWrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(seen -> !now.isBefore(seen.until()));
        }
        if (failures.size() < MAX_TRACKED) {
            failures.merge(normalise(event.getAuthentication().getName()), new Failures(1, now.plus(WINDOW)),
                    (old, added) -> now.isBefore(old.until()) ? new Failures(old.count() + 1, old.until()) : added);
        }
    }

    @EventListener
    void onSignIn(AuthenticationSuccessEvent event) {
        failures.remove(normalise(event.getAuthentication().getName()));
    }

    private static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant until) {
    }
}
