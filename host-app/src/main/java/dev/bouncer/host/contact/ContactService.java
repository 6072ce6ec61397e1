package dev.bouncer.host.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncer.host.common.Change;
import dev.bouncer.host.common.Cursor;
import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.FieldError;
import dev.bouncer.host.common.NotFoundException;
import dev.bouncer.host.common.Page;
import dev.bouncer.host.common.PageRequest;
import dev.bouncer.host.common.PlainText;
import dev.bouncer.host.common.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Contacts of a workspace and environment. A phone number is one contact: creating one that
 * exists updates it instead. An insert that loses a race on the number fails in a transaction of
 * its own and the update runs in a fresh one, because on PostgreSQL a failed statement aborts the
 * whole transaction it ran in.
 */
@Service
public class ContactService {

    private static final Sort SYNC_ORDER = Sort.by("updatedAt", "id");

    private final ContactRepository contacts;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    ContactService(ContactRepository contacts, PlatformTransactionManager transactions,
            Clock clock) {
        this.contacts = contacts;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<ContactView> list(String workspaceId, Environment environment, ContactFilter filter,
            PageRequest page) {
        List<Contact> rows = contacts.findBy(filter.restrict(workspaceId, environment, page.after()),
                query -> query.sortBy(SYNC_ORDER).limit(page.fetchSize()).all());
        return Page.of(rows, page.limit(),
                contact -> new Cursor(contact.getUpdatedAt(), contact.getId()), ContactView::of);
    }

    @Transactional(readOnly = true)
    ContactView get(String workspaceId, Environment environment, String contactId) {
        return contacts.findByIdAndWorkspaceIdAndEnvironment(contactId, workspaceId, environment)
                .map(ContactView::of)
                .orElseThrow(() -> new NotFoundException("contact", contactId));
    }

    /** Who a conversation is with; empty for another workspace's or environment's contact. */
    @Transactional(readOnly = true)
    public Optional<ContactSummary> summary(String workspaceId, Environment environment,
            String contactId) {
        return contacts.findByIdAndWorkspaceIdAndEnvironment(contactId, workspaceId, environment)
                .map(ContactSummary::of);
    }

    /** Creates the contact, or applies the fields to the existing one with the same number. */
    Upserted upsert(String workspaceId, Environment environment, NewContact request) {
        Optional<ContactView> existing = inOwnTransaction(
                () -> updateByPhone(workspaceId, environment, request));
        if (existing.isPresent()) {
            return new Upserted(existing.get(), false);
        }
        try {
            return new Upserted(inOwnTransaction(() -> insert(workspaceId, environment, request)),
                    true);
        } catch (DataIntegrityViolationException createdMeanwhile) {
            // A concurrent request created the number first and has committed it by now.
            return new Upserted(inOwnTransaction(() -> updateByPhone(workspaceId, environment,
                    request)).orElseThrow(() -> createdMeanwhile), false);
        }
    }

    /** Applies a PATCH; bad attribute limits roll everything back. */
    @Transactional
    ContactView update(String workspaceId, Environment environment, String contactId,
            ContactChanges changes) {
        Contact contact = contacts.lockInScope(contactId, workspaceId, environment)
                .orElseThrow(() -> new NotFoundException("contact", contactId));
        apply(contact, changes, clock.instant());
        return ContactView.of(contact);
    }

    /**
     * The id of the contact with this E.164 number, created without any other field when there
     * is none. Runs in a transaction of its own, before the caller's, and retries once when a
     * concurrent call created the number first, so concurrent sends to a new number never fail.
     */
    public String findOrCreate(String workspaceId, Environment environment, String phone) {
        Supplier<String> findOrInsert = () -> contacts.findIdByPhone(phone, workspaceId, environment)
                .orElseGet(() -> contacts.saveAndFlush(
                        new Contact(workspaceId, environment, phone, clock.instant())).getId());
        try {
            return inOwnTransaction(findOrInsert);
        } catch (DataIntegrityViolationException createdMeanwhile) {
            return inOwnTransaction(findOrInsert);
        }
    }

    /**
     * Gives a contact without a name the one a provider reported (a WhatsApp profile name);
     * a name set by the workspace is never replaced.
     */
    @Transactional
    public void nameIfUnnamed(String workspaceId, Environment environment, String contactId,
            String profileName) {
        if (profileName == null || profileName.isBlank()
                || PlainText.problemWith(profileName.strip(), ContactRequest.MAX_NAME_LENGTH).isPresent()) {
            return;
        }
        contacts.lockInScope(contactId, workspaceId, environment)
                .filter(contact -> contact.getName() == null)
                .ifPresent(contact -> contact.update(profileName.strip(), contact.getEmail(),
                        contact.getTags(), contact.getAttributes(), clock.instant()));
    }

    private Optional<ContactView> updateByPhone(String workspaceId, Environment environment,
            NewContact request) {
        return contacts.lockByPhone(request.phone(), workspaceId, environment).map(contact -> {
            apply(contact, request.changes(), clock.instant());
            return ContactView.of(contact);
        });
    }

    /** A new contact's fields are set at its creation time: createdAt and updatedAt agree. */
    private ContactView insert(String workspaceId, Environment environment, NewContact request) {
        Instant now = clock.instant();
        Contact contact = new Contact(workspaceId, environment, request.phone(), now);
        apply(contact, request.changes(), now);
        return ContactView.of(contacts.saveAndFlush(contact));
    }

    private static void apply(Contact contact, ContactChanges changes, Instant now) {
        String tags = changes.tags().given() ? Tags.write(changes.tags().value()) : contact.getTags();
        contact.update(changes.name().applyTo(contact.getName()),
                changes.email().applyTo(contact.getEmail()), tags,
                mergedAttributes(contact, changes.attributes()), now);
    }

    /** The stored attributes with the patch applied, refused when the result breaks a limit. */
    private static String mergedAttributes(Contact contact, Change<JsonNode> patch) {
        if (!patch.given()) {
            return contact.getAttributes();
        }
        ObjectNode stored = (ObjectNode) StoredJson.read(contact.getAttributes());
        ObjectNode merged = Attributes.merge(stored,
                patch.value() == null ? NullNode.getInstance() : patch.value());
        List<FieldError> problems = Attributes.problemsWith(merged).stream()
                .map(problem -> new FieldError("attributes", problem)).toList();
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return StoredJson.write(merged);
    }

    private <T> T inOwnTransaction(Supplier<T> work) {
        return ownTransaction.execute(status -> work.get());
    }

    /** The contact after an upsert, and whether the upsert created it. */
    record Upserted(ContactView contact, boolean created) {
    }
}
