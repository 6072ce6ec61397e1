package dev.bouncer.host.workspace;

import dev.bouncer.host.common.ApiException;
import org.springframework.http.HttpStatus;

/** A new workspace's name or owner email is already in use. */
class WorkspaceTakenException extends ApiException {

    WorkspaceTakenException(String code, String detail) {
        super(HttpStatus.CONFLICT, code, detail);
    }
}
