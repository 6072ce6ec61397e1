package dev.bouncer.host.audit;

import dev.bouncer.host.common.FieldError;
import dev.bouncer.host.common.PageRequest;
import dev.bouncer.host.common.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The query of {@code GET /api/v1/developer/audit}: {@code limit}, {@code cursor} and an optional
 * {@code keyId}. Unknown or repeated parameters are refused like unknown body fields.
 */
record AuditQuery(PageRequest page, Optional<String> keyId) {

    private static final Set<String> PARAMETERS = Set.of("limit", "cursor", "keyId");
    private static final Pattern KEY_ID = Pattern.compile("key_[0-9A-Za-z]{22}");

    static AuditQuery read(MultiValueMap<String, String> parameters) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                errors.add(new FieldError(parameter.getKey(), "is not a known parameter"));
            } else if (parameter.getValue().size() > 1) {
                errors.add(new FieldError(parameter.getKey(), "must be given once"));
            }
        }
        PageRequest page = PageRequest.read(parameters.getFirst("limit"),
                parameters.getFirst("cursor"), errors);
        Optional<String> keyId = Optional.ofNullable(parameters.getFirst("keyId"));
        if (keyId.isPresent() && !KEY_ID.matcher(keyId.get()).matches()) {
            errors.add(new FieldError("keyId", "must be a key id such as key_7Qv..."
                    + " (key_ and 22 letters or digits)"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AuditQuery(page, keyId);
    }
}
