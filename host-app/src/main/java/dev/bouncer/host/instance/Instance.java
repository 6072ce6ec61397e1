package dev.bouncer.host.instance;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.Ids;
import dev.bouncer.host.provider.ProviderType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** One connected WhatsApp number at a provider, in one workspace and environment. */
@Entity
public class Instance {

    @Id
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(nullable = false)
    private Environment environment;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private ProviderType provider;

    @Column(nullable = false)
    private InstanceStatus status;

    /** Non-secret provider settings as a JSON object. */
    @Column(name = "settings_json", nullable = false)
    private String settingsJson;

    /** Secret provider settings, encrypted by {@code SecretBox}; null when there are none. */
    @Column(name = "secrets_ciphertext")
    private String secretsCiphertext;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Instance() {
    }

    Instance(String workspaceId, Environment environment, String name, ProviderType provider,
            String settingsJson, String secretsCiphertext, Instant now) {
        this.id = Ids.next("ins");
        this.workspaceId = workspaceId;
        this.environment = environment;
        this.name = name;
        this.provider = provider;
        this.status = InstanceStatus.CONNECTED;
        this.settingsJson = settingsJson;
        this.secretsCiphertext = secretsCiphertext;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getWorkspaceId() {
        return workspaceId;
    }

    public Environment getEnvironment() {
        return environment;
    }

    public String getName() {
        return name;
    }

    public ProviderType getProvider() {
        return provider;
    }

    public InstanceStatus getStatus() {
        return status;
    }

    String getSettingsJson() {
        return settingsJson;
    }

    String getSecretsCiphertext() {
        return secretsCiphertext;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Instance[id=" + id + ", provider=" + provider.wire() + ", status=" + status.wire() + "]";
    }
}
