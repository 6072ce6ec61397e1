package dev.bouncer.camel.model;

/**
 * Body of {@code POST /api/v1/messages/send}.
 *
 * @param instanceId the instance (connected number) to send through
 * @param to the recipient, normalised to E.164 by the API
 * @param message the text to send
 */
public record SendMessageRequest(String instanceId, String to, String message) {
}
