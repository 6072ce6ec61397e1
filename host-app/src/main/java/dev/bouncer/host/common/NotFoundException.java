package dev.bouncer.host.common;

import org.springframework.http.HttpStatus;

/**
 * The resource does not exist for the caller. Also used for ids of other workspaces or
 * environments, so a caller never learns whether they exist.
 */
public class NotFoundException extends ApiException {

    public NotFoundException(String resource, String id) {
        super(HttpStatus.NOT_FOUND, "not_found", "No " + resource + " with id '" + id + "'.");
    }
}
