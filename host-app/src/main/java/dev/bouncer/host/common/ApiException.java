package dev.bouncer.host.common;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A failure a client must handle, answered as problem+json with a stable machine code. */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    protected ApiException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Headers the answer must carry, such as {@code Retry-After}. */
    public HttpHeaders headers() {
        return new HttpHeaders();
    }
}
