package dev.bouncer.host.message;

import dev.bouncer.host.common.Environment;
import java.time.Instant;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Puts a message in the outbox as sent, for providers the tests cannot send through yet. */
public final class TestOutbox {

    private TestOutbox() {
    }

    public static String sent(ApplicationContext context, String workspaceId, String instanceId,
            String recipient, String providerMessageId) {
        OutboxMessage message = new OutboxMessage(workspaceId, Environment.LIVE, instanceId,
                new OutboxMessage.Addressee(recipient, null, null), "Your order #1001 has shipped.",
                Instant.now());
        message.claim(Instant.now());
        message.markSent(providerMessageId, null, Instant.now());
        return context.getBean(OutboxRepository.class).save(message).getId();
    }

    /** The message's status and the statuses of its history, oldest first. */
    public static String describe(ApplicationContext context, String messageId) {
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).execute(tx -> {
            OutboxMessage message = context.getBean(OutboxRepository.class).findById(messageId).orElseThrow();
            return message.getStatus().wire() + " " + message.getHistory().stream()
                    .map(step -> step.getStatus().wire()).toList();
        });
    }
}
