package dev.bouncer.host.workspace;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in workspace owner, as Spring Security sees them; the workspace scopes every call. */
public final class OwnerPrincipal implements UserDetails {

    private final String ownerId;
    private final String workspaceId;
    private final String email;
    private final String passwordHash;

    OwnerPrincipal(WorkspaceOwner owner) {
        this.ownerId = owner.getId();
        this.workspaceId = owner.getWorkspaceId();
        this.email = owner.getEmail();
        this.passwordHash = owner.getPasswordHash();
    }

    public String ownerId() {
        return ownerId;
    }

    public String workspaceId() {
        return workspaceId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_OWNER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public String toString() {
        return "OwnerPrincipal[ownerId=" + ownerId + ", workspaceId=" + workspaceId + "]";
    }
}
