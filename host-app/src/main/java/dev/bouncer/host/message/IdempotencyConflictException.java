package dev.bouncer.host.message;

import dev.bouncer.host.common.ApiException;
import org.springframework.http.HttpStatus;

/** An Idempotency-Key was used again with a different request. */
class IdempotencyConflictException extends ApiException {

    IdempotencyConflictException() {
        super(HttpStatus.CONFLICT, "idempotency_conflict", "This Idempotency-Key was already "
                + "used with a different request; use a new key for a new message.");
    }
}
