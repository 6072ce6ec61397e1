package dev.bouncer.host.common;

import org.springframework.http.HttpStatus;

/** A JSON request body refused before parsing: wrong charset or bytes that are not UTF-8. */
class JsonBodyException extends ApiException {

    JsonBodyException(HttpStatus status, String code, String detail) {
        super(status, code, detail);
    }
}
