package dev.bouncer.host.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.HostAppIT;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The owner API creates further workspaces; each is a tenant of its own. */
class WorkspacesIT extends HostAppIT {

    private static final String PASSWORD = "a passphrase of their own";

    @Test
    void aNewWorkspaceHasItsOwnOwnerSandboxAndKeysAndSeesNothingOfTheFirst() {
        String firstKeyId = api().postJson("/api/v1/developer/keys", owner(),
                "{\"name\":\"first's\",\"environment\":\"test\",\"permissions\":[\"instance:read\"]}")
                .json().path("id").asText();

        ApiClient.Response created = api().postJson("/api/v1/developer/workspaces", owner(),
                "{\"name\":\"Support team\",\"ownerEmail\":\" Lead@Example.TEST \","
                        + "\"ownerPassword\":\"" + PASSWORD + "\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("ownerEmail").asText()).isEqualTo("lead@example.test");
        assertThat(created.body()).doesNotContain(PASSWORD);
        String lead = ApiClient.basic("lead@example.test", PASSWORD);
        ApiClient.Response workspace = api().get("/api/v1/developer/workspace", lead);
        assertThat(workspace.json().path("name").asText()).isEqualTo("Support team");
        assertThat(workspace.json().path("id").asText()).isEqualTo(created.json().path("id").asText());
        assertThat(api().get("/api/v1/developer/keys", lead).json().path("data")).isEmpty();
        assertThat(api().get("/api/v1/developer/keys/" + firstKeyId, lead).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/developer/instances", lead).json().path("data"))
                .singleElement().satisfies(sandbox ->
                        assertThat(sandbox.path("provider").asText()).isEqualTo("sandbox"));
        assertThat(api().get("/api/v1/developer/workspace", owner()).json().path("name").asText())
                .isEqualTo("default");
    }

    @Test
    void anotherWorkspacesOwnerGets404ForEveryIdOfThisOne() {
        String keyId = api().postJson("/api/v1/developer/keys", owner(),
                "{\"name\":\"mine\",\"environment\":\"test\",\"permissions\":[\"instance:read\"]}")
                .json().path("id").asText();
        String sandboxId = api().get("/api/v1/developer/instances", owner()).json()
                .path("data").path(0).path("id").asText();
        create("Neighbours", "neighbour@example.test");
        String neighbour = ApiClient.basic("neighbour@example.test", PASSWORD);

        assertThat(List.of(
                api().get("/api/v1/developer/keys/" + keyId, neighbour),
                api().patch("/api/v1/developer/keys/" + keyId, neighbour, "application/json",
                        "{\"name\":\"taken over\"}"),
                api().postJson("/api/v1/developer/keys/" + keyId + "/roll", neighbour, "{}"),
                api().delete("/api/v1/developer/keys/" + keyId, neighbour),
                api().get("/api/v1/developer/instances/" + sandboxId, neighbour),
                api().post("/api/v1/developer/instances/" + sandboxId + "/resume", neighbour, null, ""),
                api().get("/api/v1/developer/instances/" + sandboxId + "/throttling", neighbour),
                api().put("/api/v1/developer/instances/" + sandboxId + "/throttling", neighbour,
                        "{\"preset\":\"recommended\"}"),
                api().delete("/api/v1/developer/instances/" + sandboxId + "/throttling", neighbour)))
                .allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(404));
        assertThat(api().get("/api/v1/developer/audit?keyId=" + keyId, neighbour).json().path("data"))
                .isEmpty();
        assertThat(api().get("/api/v1/developer/keys/" + keyId, owner()).json().path("revokedAt").isNull())
                .isTrue();
        assertThat(api().get("/api/v1/developer/keys/" + keyId, owner()).json().path("name").asText())
                .isEqualTo("mine");
    }

    @Test
    void aTakenNameOrEmailIsAConflictAndChangesNothing() {
        ApiClient.Response first = create("Duplicates", "dup@example.test");
        ApiClient.Response sameName = create("Duplicates", "other@example.test");
        ApiClient.Response sameEmail = create("Another name", "DUP@example.test");

        assertThat(first.status()).isEqualTo(201);
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.json().path("code").asText()).isEqualTo("workspace_name_taken");
        assertThat(sameEmail.status()).isEqualTo(409);
        assertThat(sameEmail.json().path("code").asText()).isEqualTo("owner_email_taken");
        assertThat(api().get("/api/v1/developer/workspace",
                ApiClient.basic("other@example.test", PASSWORD)).status()).isEqualTo(401);
    }

    @Test
    void everyBadFieldIsNamed() {
        ApiClient.Response refused = api().postJson("/api/v1/developer/workspaces", owner(),
                "{\"name\":\" \",\"ownerEmail\":\"not-an-email\",\"ownerPassword\":\"short\","
                        + "\"plan\":\"pro\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "ownerEmail", "ownerPassword", "plan");
        assertThat(refused.body()).doesNotContain("short");
    }

    @Test
    void onlyTheOperatorCreatesWorkspaces() {
        create("Tenant", "tenant@example.test");
        String tenant = ApiClient.basic("tenant@example.test", PASSWORD);

        ApiClient.Response refused = api().postJson("/api/v1/developer/workspaces", tenant,
                "{\"name\":\"Sub-tenant\",\"ownerEmail\":\"sub@example.test\","
                        + "\"ownerPassword\":\"" + PASSWORD + "\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().path("code").asText()).isEqualTo("forbidden");
        assertThat(api().get("/api/v1/developer/workspace", ApiClient.basic("sub@example.test", PASSWORD))
                .status()).isEqualTo(401);
    }

    @Test
    void anApiKeyCannotCreateWorkspaces() {
        String key = createKey("test", "instance:read");

        ApiClient.Response refused = api().postJson("/api/v1/developer/workspaces",
                ApiClient.bearer(key), "{\"name\":\"x\",\"ownerEmail\":\"x@example.test\","
                        + "\"ownerPassword\":\"" + PASSWORD + "\"}");

        assertThat(refused.status()).isEqualTo(401);
    }

    private ApiClient.Response create(String name, String email) {
        return api().postJson("/api/v1/developer/workspaces", owner(), "{\"name\":\"" + name
                + "\",\"ownerEmail\":\"" + email + "\",\"ownerPassword\":\"" + PASSWORD + "\"}");
    }
}
