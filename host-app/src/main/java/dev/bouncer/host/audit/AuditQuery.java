package dev.bouncer.host.audit;

import dev.bouncer.host.common.PageRequest;
import dev.bouncer.host.common.QueryReader;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The query of {@code GET /api/v1/developer/audit}: {@code limit}, {@code cursor} and an optional
 * {@code keyId}. Unknown or repeated parameters are refused like unknown body fields.
 */
record AuditQuery(PageRequest page, Optional<String> keyId) {

    private static final Pattern KEY_ID = Pattern.compile("key_[0-9A-Za-z]{22}");

    static AuditQuery read(MultiValueMap<String, String> parameters) {
        QueryReader query = QueryReader.of(parameters, Set.of("keyId"));
        PageRequest page = query.page();
        Optional<String> keyId = query.optional("keyId");
        if (keyId.isPresent() && !KEY_ID.matcher(keyId.get()).matches()) {
            query.reject("keyId", "must be a key id such as key_7Qv... (key_ and 22 letters or digits)");
        }
        query.throwIfInvalid();
        return new AuditQuery(page, keyId);
    }
}
