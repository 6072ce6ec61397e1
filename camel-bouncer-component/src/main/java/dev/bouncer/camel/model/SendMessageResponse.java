package dev.bouncer.camel.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The API's {@code 202 Accepted} answer to a send; fields added later are ignored.
 *
 * @param id the message id, e.g. {@code msg_123}
 * @param status the message status, {@code queued} when accepted
 * @param to the recipient as the API normalised it (E.164)
 * @param instanceId the instance the message will be sent through
 * @param createdAt when the API accepted the message
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SendMessageResponse(
        String id, String status, String to, String instanceId, Instant createdAt) {
}
