package dev.bouncer.host.security;

import dev.bouncer.host.apikey.ApiKeyPrincipal;
import dev.bouncer.host.apikey.ApiKeyService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer bnc_...} on the public API. Every refusal is a 401
 * that says what was wrong with the header, never anything about other keys.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final String CHALLENGE = "Bearer realm=\"bouncer\"";
    private static final String INVALID_TOKEN = CHALLENGE + ", error=\"invalid_token\"";

    private final ApiKeyService keys;
    private final ProblemEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(ApiKeyService keys, ProblemEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            entryPoint.unauthorized(response, CHALLENGE,
                    "Missing API key: send the header 'Authorization: Bearer bnc_...'.");
            return;
        }
        if (Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)).size() > 1) {
            entryPoint.unauthorized(response, CHALLENGE,
                    "Send exactly one Authorization header.");
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            entryPoint.unauthorized(response, CHALLENGE,
                    "The Authorization header must use the Bearer scheme with an API key.");
            return;
        }
        Optional<ApiKeyPrincipal> principal = keys.authenticate(header.substring(BEARER.length()).trim());
        if (principal.isEmpty()) {
            entryPoint.unauthorized(response, INVALID_TOKEN,
                    "The API key is malformed, unknown, expired or revoked.");
            return;
        }
        authenticate(principal.get());
        chain.doFilter(request, response);
    }

    private static void authenticate(ApiKeyPrincipal principal) {
        PreAuthenticatedAuthenticationToken token =
                new PreAuthenticatedAuthenticationToken(principal, "n/a", List.of());
        SecurityContextHolder.setContext(new SecurityContextImpl(token));
    }
}
