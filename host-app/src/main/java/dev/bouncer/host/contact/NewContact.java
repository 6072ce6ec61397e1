package dev.bouncer.host.contact;

/**
 * A validated {@code POST /api/v1/contacts} body: the phone number that identifies the contact
 * and the fields to set, applied as by a PATCH when the contact already exists.
 */
record NewContact(String phone, ContactChanges changes) {

    @Override
    public String toString() {
        return "NewContact[" + changes + "]";
    }
}
