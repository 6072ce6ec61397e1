package dev.bouncer.host.workspace;

import dev.bouncer.host.instance.InstanceService;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates workspaces with their owner and the sandbox instance every workspace starts with. */
@Service
public class WorkspaceService {

    private final WorkspaceRepository workspaces;
    private final WorkspaceOwnerRepository owners;
    private final InstanceService instances;
    private final PasswordEncoder passwords;
    private final Clock clock;

    WorkspaceService(WorkspaceRepository workspaces, WorkspaceOwnerRepository owners,
            InstanceService instances, PasswordEncoder passwords, Clock clock) {
        this.workspaces = workspaces;
        this.owners = owners;
        this.instances = instances;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public Workspace create(String name, String ownerEmail, String ownerPassword) {
        Workspace workspace = workspaces.save(new Workspace(name, clock.instant()));
        owners.save(new WorkspaceOwner(workspace.getId(), ownerEmail.trim(),
                passwords.encode(ownerPassword), clock.instant()));
        instances.createSandbox(workspace.getId());
        return workspace;
    }

    /**
     * Creates a workspace for another team, on behalf of the operator (the owner of the
     * {@code default} workspace). Name and email are checked first for a clear 409;
     * the unique constraints still decide when two such requests race.
     */
    @Transactional
    Workspace createSeparate(String callerWorkspaceId, NewWorkspace request) {
        // Tenants are the operator's to hand out: an owner of a tenant making more of them
        // would let anyone given a workspace multiply their own.
        if (!get(callerWorkspaceId).getName().equals(DefaultWorkspaceBootstrap.DEFAULT_WORKSPACE)) {
            throw new NotOperatorException();
        }
        if (workspaces.findByName(request.name()).isPresent()) {
            throw new WorkspaceTakenException("workspace_name_taken",
                    "A workspace named '" + request.name() + "' exists; choose another name.");
        }
        if (owners.findByEmailIgnoreCase(request.ownerEmail()).isPresent()) {
            throw new WorkspaceTakenException("owner_email_taken",
                    "That email already owns a workspace; each owner signs in to one workspace.");
        }
        return create(request.name(), request.ownerEmail(), request.ownerPassword());
    }

    @Transactional(readOnly = true)
    public Optional<Workspace> findByName(String name) {
        return workspaces.findByName(name);
    }

    @Transactional(readOnly = true)
    public Workspace get(String workspaceId) {
        return workspaces.findById(workspaceId).orElseThrow();
    }

    @Transactional
    public void updateThrottleSettings(String workspaceId, String settingsJson) {
        workspaces.findById(workspaceId).orElseThrow().setThrottleSettingsJson(settingsJson);
    }

    @Transactional(readOnly = true)
    public boolean ownerExists(String email) {
        return owners.findByEmailIgnoreCase(email.trim()).isPresent();
    }

    /** Sets the owner's password when it differs; true when it changed. */
    @Transactional
    public boolean resetOwnerPassword(String ownerEmail, String password) {
        Optional<WorkspaceOwner> owner = owners.findByEmailIgnoreCase(ownerEmail.trim());
        if (owner.isEmpty() || passwords.matches(password, owner.get().getPasswordHash())) {
            return false;
        }
        owner.get().changePasswordHash(passwords.encode(password));
        return true;
    }
}
