package dev.bouncer.host.security;

import dev.bouncer.host.common.ProblemWriter;
import dev.bouncer.host.common.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses HTTP Basic sign-ins of an email that {@link SignInGuard} has locked, with 429
 * {@code rate_limited} and {@code Retry-After}, before the password is even checked.
 */
final class SignInGuardFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";

    private final SignInGuard guard;
    private final ProblemWriter problems;

    SignInGuardFilter(SignInGuard guard, ProblemWriter problems) {
        this.guard = guard;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        Optional<Duration> locked = basicEmail(request.getHeader(HttpHeaders.AUTHORIZATION))
                .flatMap(guard::lockedFor);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds() + 1);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            problems.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "Too many wrong passwords for this email; try again in " + seconds + " seconds."));
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> basicEmail(String header) {
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? Optional.of(decoded.substring(0, colon)) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
