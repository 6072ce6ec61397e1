package dev.bouncer.host.workspace;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads workspace owners for HTTP Basic sign-in to the developer settings. */
@Service
class OwnerDetailsService implements UserDetailsService {

    private final WorkspaceOwnerRepository owners;

    OwnerDetailsService(WorkspaceOwnerRepository owners) {
        this.owners = owners;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        return owners.findByEmailIgnoreCase(email.trim())
                .map(OwnerPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such owner"));
    }
}
