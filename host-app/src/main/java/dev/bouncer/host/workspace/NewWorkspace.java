package dev.bouncer.host.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.common.PlainText;
import dev.bouncer.host.common.RequestReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated request for another workspace with its own owner.
 *
 * @param name unique among workspaces
 * @param ownerEmail the new owner's sign-in, lower-cased so one address cannot sign up twice
 * @param ownerPassword the new owner's password, only ever stored as a BCrypt hash
 */
record NewWorkspace(String name, String ownerEmail, String ownerPassword) {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final int MAX_PASSWORD_LENGTH = 72;
    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    static NewWorkspace read(JsonNode json) {
        RequestReader body = RequestReader.of(json);
        body.rejectUnknownFields(Set.of("name", "ownerEmail", "ownerPassword"));
        String name = body.requiredString("name");
        if (name != null) {
            PlainText.problemWith(name.strip(), MAX_NAME_LENGTH).ifPresent(problem -> body.reject("name", problem));
        }
        String email = body.requiredString("ownerEmail");
        if (email != null && (email.strip().length() > MAX_EMAIL_LENGTH
                || !EMAIL.matcher(email.strip()).matches())) {
            body.reject("ownerEmail", "must be an email address such as owner@example.com");
        }
        String password = body.requiredString("ownerPassword");
        // BCrypt reads at most 72 bytes; a longer password would be silently cut.
        if (password != null && (password.length() < MIN_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_LENGTH)) {
            body.reject("ownerPassword", "must be at least " + MIN_PASSWORD_LENGTH
                    + " characters and at most " + MAX_PASSWORD_LENGTH + " bytes");
        }
        body.throwIfInvalid();
        return new NewWorkspace(name.strip(), email.strip().toLowerCase(Locale.ROOT), password);
    }

    @Override
    public String toString() {
        return "NewWorkspace[name=" + name + ", ownerEmail=" + ownerEmail + "]";
    }
}
