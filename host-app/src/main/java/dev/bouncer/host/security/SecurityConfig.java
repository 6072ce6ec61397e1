package dev.bouncer.host.security;

import dev.bouncer.host.apikey.ApiKeyService;
import dev.bouncer.host.common.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Two doors. Developer settings take only the workspace owner's credentials (HTTP Basic for
 * now); the public API takes only API keys. Neither accepts the other's credentials.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig implements WebMvcConfigurer {

    static final String DEVELOPER_PATHS = "/api/v1/developer/**";
    static final String API_PATHS = "/api/**";
    /** The OpenAPI description is public, so clients and generators can fetch it unauthenticated. */
    static final String OPENAPI_PATHS = "/api/v1/openapi.json/**";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(0)
    SecurityFilterChain openApiDocument(HttpSecurity http) throws Exception {
        return statelessApi(http.securityMatcher(OPENAPI_PATHS, "/api/v1/openapi.json.yaml"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain developerSettings(HttpSecurity http, ProblemWriter problems,
            SignInGuard guard) throws Exception {
        ProblemEntryPoint entryPoint = new ProblemEntryPoint(problems,
                "Basic realm=\"Bouncer developer settings\"",
                "Developer settings need the workspace owner's email and password "
                        + "(HTTP Basic); API keys are not accepted here.");
        return statelessApi(http.securityMatcher(DEVELOPER_PATHS))
                .addFilterBefore(new SignInGuardFilter(guard, problems), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("OWNER"))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicApi(HttpSecurity http, ApiKeyService keys, ProblemWriter problems)
            throws Exception {
        ProblemEntryPoint entryPoint = new ProblemEntryPoint(problems, "Bearer realm=\"bouncer\"",
                "Missing API key: send the header 'Authorization: Bearer bnc_...'.");
        return statelessApi(http.securityMatcher(API_PATHS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, entryPoint),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .build();
    }

    /** Everything else: health, the error page; later the dashboard and provider webhooks. */
    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return statelessApi(http)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PermissionInterceptor())
                .addPathPatterns("/api/v1/**")
                .excludePathPatterns(DEVELOPER_PATHS);
    }

    private static HttpSecurity statelessApi(HttpSecurity http) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session ->
                        session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }
}
