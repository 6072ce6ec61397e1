package dev.bouncer.host.workspace;

import dev.bouncer.host.common.ApiException;
import org.springframework.http.HttpStatus;

/** Something only the operator, the owner of the first workspace, may do. */
class NotOperatorException extends ApiException {

    NotOperatorException() {
        super(HttpStatus.FORBIDDEN, "forbidden", "Only the owner of the 'default' workspace "
                + "(the server's operator) creates workspaces.");
    }
}
