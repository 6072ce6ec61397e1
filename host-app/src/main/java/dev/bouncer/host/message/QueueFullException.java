package dev.bouncer.host.message;

import dev.bouncer.host.common.ApiException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The instance already has as many waiting messages as its throttle allows. */
class QueueFullException extends ApiException {

    private final long retryAfterSeconds;

    QueueFullException(String instanceId, long waiting, int limit, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "queue_full", "Instance " + instanceId + " has "
                + waiting + " messages waiting and takes at most " + limit
                + "; retry after the next one is sent.");
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        return headers;
    }
}
