package dev.bouncer.host.security;

import dev.bouncer.host.common.ProblemWriter;
import dev.bouncer.host.common.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Answers an unauthenticated request with 401 problem+json and the scheme to use. */
final class ProblemEntryPoint implements AuthenticationEntryPoint {

    private final ProblemWriter problems;
    private final String challenge;
    private final String detail;

    ProblemEntryPoint(ProblemWriter problems, String challenge, String detail) {
        this.problems = problems;
        this.challenge = challenge;
        this.detail = detail;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        unauthorized(response, challenge, detail);
    }

    void unauthorized(HttpServletResponse response, String challenge, String detail)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", detail));
    }
}
