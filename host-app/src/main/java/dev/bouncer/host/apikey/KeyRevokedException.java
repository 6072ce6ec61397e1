package dev.bouncer.host.apikey;

import dev.bouncer.host.common.ApiException;
import org.springframework.http.HttpStatus;

/** The key is revoked, which is final: it can no longer be rolled or changed. */
class KeyRevokedException extends ApiException {

    KeyRevokedException(String keyId) {
        super(HttpStatus.CONFLICT, "key_revoked", "API key '" + keyId
                + "' is revoked; create a new key instead.");
    }
}
