package dev.bouncer.host.contact;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Who a conversation is with: enough to show it in an inbox. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ContactSummary(String id, String phone, String name) {

    static ContactSummary of(Contact contact) {
        return new ContactSummary(contact.getId(), contact.getPhone(), contact.getName());
    }

    @Override
    public String toString() {
        return "ContactSummary[id=" + id + "]";
    }
}
