package dev.bouncer.host.message;

import java.time.Instant;

/**
 * Where a queued message stands: its place among the instance's waiting messages (1 = next)
 * and when it is expected to be sent, null while the instance is paused.
 */
record QueueEstimate(long queuePosition, Instant estimatedSendAt) {
}
