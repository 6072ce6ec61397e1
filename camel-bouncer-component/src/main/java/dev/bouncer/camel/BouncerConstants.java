package dev.bouncer.camel;

import org.apache.camel.spi.Metadata;

/** Names of the message headers the bouncer component reads and writes. */
public final class BouncerConstants {

    @Metadata(label = "producer", javaType = "String",
            description = "The instance (connected number) to send through, e.g. ins_123. "
                    + "Overrides the instanceId option.")
    public static final String INSTANCE_ID = "CamelBouncerInstanceId";

    @Metadata(label = "producer", javaType = "String",
            description = "Before a send: the recipient, overriding the to option. After a send: "
                    + "the recipient as the API normalised it, in E.164 form. For bouncer:contacts: "
                    + "the contact's phone number, in and out alike.")
    public static final String TO = "CamelBouncerTo";

    @Metadata(label = "producer", javaType = "String",
            description = "Sent as the Idempotency-Key HTTP header, so that a retried send with "
                    + "the same key and text returns the first result instead of sending twice.")
    public static final String IDEMPOTENCY_KEY = "CamelBouncerIdempotencyKey";

    @Metadata(label = "producer", javaType = "String",
            description = "Set after a send: the id of the accepted message, e.g. msg_123.")
    public static final String MESSAGE_ID = "CamelBouncerMessageId";

    @Metadata(label = "producer", javaType = "String",
            description = "Set after a send: the message status the API reported, queued on "
                    + "success.")
    public static final String MESSAGE_STATUS = "CamelBouncerMessageStatus";

    @Metadata(label = "producer", javaType = "String",
            description = "Set after bouncer:contacts: the id of the contact, e.g. ct_123.")
    public static final String CONTACT_ID = "CamelBouncerContactId";

    @Metadata(label = "producer", javaType = "Boolean",
            description = "Set after bouncer:contacts: true when the number was new and the "
                    + "contact was created, false when an existing contact was updated.")
    public static final String CONTACT_CREATED = "CamelBouncerContactCreated";

    private BouncerConstants() {
    }
}
