package dev.bouncer.host.apikey;

import dev.bouncer.host.common.ApiException;
import org.springframework.http.HttpStatus;

/** The key is past its {@code expiresAt}; a new secret would not work either, so no roll. */
class KeyExpiredException extends ApiException {

    KeyExpiredException(String keyId) {
        super(HttpStatus.CONFLICT, "key_expired", "API key '" + keyId
                + "' has expired; create a new key instead.");
    }
}
