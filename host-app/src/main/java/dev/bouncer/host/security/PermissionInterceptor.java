package dev.bouncer.host.security;

import dev.bouncer.host.apikey.ApiKeyPrincipal;
import dev.bouncer.host.apikey.RequiresPermission;
import dev.bouncer.host.common.PermissionDeniedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks {@link RequiresPermission} on every API-key operation. An operation without the
 * annotation is refused, so forgetting it closes an endpoint instead of opening it.
 */
final class PermissionInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
            Object handler) {
        if (!(handler instanceof HandlerMethod method) || !isBouncerOperation(method)) {
            // Spring's own handlers (OPTIONS answers, for one) expose no data.
            return true;
        }
        RequiresPermission rule = method.getMethodAnnotation(RequiresPermission.class);
        if (rule == null) {
            throw new IllegalStateException("API operation " + method.getShortLogMessage()
                    + " declares no @RequiresPermission");
        }
        if (!currentKey().has(rule.value())) {
            throw new PermissionDeniedException(rule.value().wire());
        }
        return true;
    }

    private static boolean isBouncerOperation(HandlerMethod method) {
        return method.getBeanType().getPackageName().startsWith("dev.bouncer.host");
    }

    private static ApiKeyPrincipal currentKey() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiKeyPrincipal key) {
            return key;
        }
        throw new IllegalStateException("API operation reached without an API key");
    }
}
