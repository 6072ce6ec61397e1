package dev.bouncer.host.common;

import org.springframework.http.HttpStatus;

/** A valid API key lacks the permission an operation needs; the permission is named. */
public class PermissionDeniedException extends ApiException {

    /** Response header naming the permission, so clients need not parse the body. */
    public static final String REQUIRED_PERMISSION_HEADER = "X-Bouncer-Required-Permission";

    private final String requiredPermission;

    public PermissionDeniedException(String requiredPermission) {
        super(HttpStatus.FORBIDDEN, "forbidden",
                "This API key lacks the permission '" + requiredPermission + "'.");
        this.requiredPermission = requiredPermission;
    }

    public String requiredPermission() {
        return requiredPermission;
    }
}
