package dev.bouncer.host.message;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.provider.ProviderConnector;
import dev.bouncer.host.provider.ProviderConnectors;
import dev.bouncer.host.provider.ProviderType;
import dev.bouncer.host.provider.SendOutcome;
import dev.bouncer.host.provider.SendOutcome.FailureKind;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * Sends one queued message: claim it, call the instance's connector outside any transaction,
 * record the outcome. Called by the outbox route for each message the JPA consumer finds.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final OutboxService outbox;
    private final ProviderConnectors connectors;

    Dispatcher(OutboxService outbox, ProviderConnectors connectors) {
        this.outbox = outbox;
        this.connectors = connectors;
    }

    void dispatch(String messageId) {
        Optional<SendJob> job = claim(messageId);
        if (job.isEmpty()) {
            return;
        }
        ProviderConnector connector = connectors.get(job.get().provider());
        SendOutcome outcome = send(connector, job.get());
        outbox.recordOutcome(messageId, outcome);
        log.debug("Message {} via {}: {}", messageId, connector.type().wire(), outcome);
        if (outcome instanceof SendOutcome.Sent && connector.simulatesDelivery()) {
            outbox.recordDelivered(messageId, "simulated by the sandbox");
        }
    }

    private Optional<SendJob> claim(String messageId) {
        try {
            return outbox.claim(messageId);
        } catch (ConcurrencyFailureException anotherDispatcherWon) {
            log.debug("Message {} was claimed by another dispatcher", messageId);
            return Optional.empty();
        }
    }

    private static SendOutcome send(ProviderConnector connector, SendJob job) {
        if (job.environment() == Environment.TEST && connector.type() != ProviderType.SANDBOX) {
            // Registration already prevents this; the check keeps test keys away from WhatsApp
            // even if stored data were changed by hand.
            return new SendOutcome.Failed(FailureKind.PERMANENT, "test_environment",
                    "Test messages are only ever sent through the sandbox.");
        }
        try {
            return connector.send(job.config(), job.message());
        } catch (RuntimeException unexpected) {
            log.warn("Connector {} failed on message {}: {}", connector.type().wire(),
                    job.message().messageId(), unexpected.getClass().getSimpleName());
            return new SendOutcome.Failed(FailureKind.RETRYABLE, "connector_error",
                    "The connector failed unexpectedly.");
        }
    }
}
