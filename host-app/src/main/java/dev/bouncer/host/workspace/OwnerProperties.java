package dev.bouncer.host.workspace;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The owner of the {@code default} workspace, created on first start.
 *
 * @param email sign-in email ({@code BOUNCER_OWNER_EMAIL})
 * @param password sign-in password ({@code BOUNCER_OWNER_PASSWORD}); when empty on first start,
 *     one is generated and logged once. When set on a later start, it replaces the stored one.
 */
@ConfigurationProperties("bouncer.owner")
public record OwnerProperties(@DefaultValue("owner@bouncer.local") String email, String password) {

    boolean hasPassword() {
        return password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "OwnerProperties[email=" + email + ", password=" + (hasPassword() ? "<set>" : "<unset>")
                + "]";
    }
}
