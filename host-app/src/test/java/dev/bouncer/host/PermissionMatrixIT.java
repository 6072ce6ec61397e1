package dev.bouncer.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bouncer.host.apikey.Permission;
import dev.bouncer.host.common.PermissionDeniedException;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.HostAppIT;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API-key operation, read from the server's own route definitions, against every single
 * permission, a key of this workspace or of another one, and a live or a test key asking for
 * live or test data. Only a key with the operation's permission, in the data's own workspace
 * and environment, succeeds; a missing permission is 403 naming it; anything of another
 * workspace or environment is 404, exactly like an id that does not exist. An operation added
 * without a row here fails the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixIT extends HostAppIT {

    private static final String OTHER_OWNER_EMAIL = "matrix-owner@example.test";
    private static final String OTHER_OWNER_PASSWORD = "another long passphrase";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping routes;

    private final Map<String, Workspace> workspaces = new LinkedHashMap<>();

    /** What each operation needs and how to call it on one workspace's data in one environment. */
    private final Map<String, Row> rows = Map.ofEntries(
            row("POST /api/v1/messages/send", Permission.MESSAGE_SEND, 202, data -> Call.on(
                    "/api/v1/messages/send", "{\"instanceId\":\"" + data.slowInstanceId()
                            + "\",\"to\":\"+4915112345678\",\"message\":\"matrix\"}")),
            row("GET /api/v1/messages/{id}", Permission.MESSAGE_SEND, 200,
                    data -> Call.on("/api/v1/messages/" + data.queuedMessageId(), null)),
            consuming(row("DELETE /api/v1/messages/{id}", Permission.MESSAGE_SEND, 200,
                    data -> Call.on("/api/v1/messages/" + data.queuedMessageId(), null))),
            row("GET /api/v1/instances", Permission.INSTANCE_READ, 200,
                    data -> Call.list("/api/v1/instances")),
            row("GET /api/v1/instances/{id}", Permission.INSTANCE_READ, 200,
                    data -> Call.on("/api/v1/instances/" + data.slowInstanceId(), null)),
            row("GET /api/v1/contacts", Permission.CONTACT_READ, 200,
                    data -> Call.list("/api/v1/contacts")),
            row("GET /api/v1/contacts/{id}", Permission.CONTACT_READ, 200,
                    data -> Call.on("/api/v1/contacts/" + data.contactId(), null)),
            row("POST /api/v1/contacts", Permission.CONTACT_WRITE, 200, data -> new Call(
                    "/api/v1/contacts", "{\"phone\":\"" + DataSet.FIRST_RECIPIENT + "\"}", false)),
            row("PATCH /api/v1/contacts/{id}", Permission.CONTACT_WRITE, 200, data -> Call.on(
                    "/api/v1/contacts/" + data.contactId(), "{\"name\":\"Matrix contact\"}")),
            row("GET /api/v1/conversations", Permission.CONVERSATION_MANAGE, 200,
                    data -> Call.list("/api/v1/conversations")),
            row("GET /api/v1/conversations/{id}", Permission.CONVERSATION_MANAGE, 200,
                    data -> Call.on("/api/v1/conversations/" + data.conversationId(), null)),
            row("PATCH /api/v1/conversations/{id}", Permission.CONVERSATION_MANAGE, 200, data -> Call.on(
                    "/api/v1/conversations/" + data.conversationId(), "{\"assignee\":\"agent\"}")));

    @Test
    void everyApiKeyOperationHasARowAndEveryRowAnOperation() {
        assertThat(new TreeSet<>(apiKeyOperations()))
                .as("operations under /api/v1 (a new one needs a row in PermissionMatrixIT)")
                .isEqualTo(new TreeSet<>(rows.keySet()));
    }

    @TestFactory
    Stream<DynamicTest> onlyTheRightPermissionInTheRightWorkspaceAndEnvironmentSucceeds() {
        createAllData();
        List<DynamicTest> tests = new ArrayList<>();
        for (String operation : new TreeSet<>(apiKeyOperations())) {
            Row row = rows.get(operation);
            for (Permission permission : Permission.values()) {
                for (String keyEnvironment : List.of("live", "test")) {
                    for (String dataWorkspace : List.of("own", "other")) {
                        for (String dataEnvironment : List.of("live", "test")) {
                            String name = operation + " | key " + keyEnvironment + " "
                                    + permission.wire() + " | data " + dataWorkspace + " "
                                    + dataEnvironment;
                            tests.add(DynamicTest.dynamicTest(name, () -> check(operation, row,
                                    permission, keyEnvironment, dataWorkspace, dataEnvironment)));
                        }
                    }
                }
            }
        }
        return tests.stream();
    }

    /** All data up front, so even the first answers are checked for foreign ids. */
    private void createAllData() {
        for (String which : List.of("own", "other")) {
            for (DataSet data : workspace(which).dataSets()) {
                data.queuedMessageId();
                data.contactId();
                data.conversationId();
            }
        }
    }

    private void check(String operation, Row row, Permission permission, String keyEnvironment,
            String dataWorkspace, String dataEnvironment) {
        Workspace own = workspace("own");
        DataSet data = workspace(dataWorkspace).data(dataEnvironment);
        boolean permitted = permission == row.permission();
        boolean visible = dataWorkspace.equals("own") && dataEnvironment.equals(keyEnvironment);
        Call call = row.call().apply(data);
        String method = operation.substring(0, operation.indexOf(' '));

        ApiClient.Response response = api().exchange(method, call.path(),
                ApiClient.bearer(own.key(keyEnvironment, permission)), call.json());

        if (!permitted) {
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
            assertThat(response.header(PermissionDeniedException.REQUIRED_PERMISSION_HEADER))
                    .isEqualTo(row.permission().wire());
            assertThat(response.json().path("requiredPermission").asText())
                    .isEqualTo(row.permission().wire());
        } else if (!visible && call.namesData()) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.json().path("code").asText()).isEqualTo("not_found");
        } else {
            assertThat(response.status()).as(response.toString()).isEqualTo(row.success());
            assertNoForeignIds(response, own.data(keyEnvironment));
            if (row.consumesData()) {
                data.queuedMessageUsedUp();
            }
        }
    }

    /** A successful answer never shows ids of another workspace or environment. */
    private void assertNoForeignIds(ApiClient.Response response, DataSet visible) {
        for (Workspace workspace : workspaces.values()) {
            for (DataSet data : workspace.dataSets()) {
                if (data != visible) {
                    data.ids().forEach(id -> assertThat(response.body()).doesNotContain(id));
                }
            }
        }
    }

    private List<String> apiKeyOperations() {
        List<String> operations = new ArrayList<>();
        routes.getHandlerMethods().forEach((mapping, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("dev.bouncer.host")) {
                return;
            }
            for (String pattern : mapping.getPatternValues()) {
                if (pattern.startsWith("/api/v1/") && !pattern.startsWith("/api/v1/developer/")) {
                    methods(mapping).forEach(method -> operations.add(method + " " + pattern));
                }
            }
        });
        return operations;
    }

    private static List<String> methods(RequestMappingInfo mapping) {
        return mapping.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
    }

    private Workspace workspace(String which) {
        return workspaces.computeIfAbsent(which, name -> name.equals("own")
                ? new Workspace(owner())
                : new Workspace(createOtherWorkspace()));
    }

    private String createOtherWorkspace() {
        ApiClient.Response created = api().postJson("/api/v1/developer/workspaces", owner(),
                "{\"name\":\"Matrix tenant\",\"ownerEmail\":\"" + OTHER_OWNER_EMAIL
                        + "\",\"ownerPassword\":\"" + OTHER_OWNER_PASSWORD + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return ApiClient.basic(OTHER_OWNER_EMAIL, OTHER_OWNER_PASSWORD);
    }

    private static Map.Entry<String, Row> row(String operation, Permission permission, int success,
            Function<DataSet, Call> call) {
        return Map.entry(operation, new Row(permission, success, call, false));
    }

    /** A row whose successful call uses its data up, as a cancel does. */
    private static Map.Entry<String, Row> consuming(Map.Entry<String, Row> row) {
        Row plain = row.getValue();
        return Map.entry(row.getKey(), new Row(plain.permission(), plain.success(), plain.call(), true));
    }

    private record Row(Permission permission, int success, Function<DataSet, Call> call,
            boolean consumesData) {
    }

    /**
     * One request: a path and an optional JSON body, built on some workspace's data.
     *
     * @param namesData whether it names an id, so another workspace's or environment's id must
     *     answer 404; a list names none and always shows the key's own data
     */
    private record Call(String path, String json, boolean namesData) {

        static Call on(String path, String json) {
            return new Call(path, json, true);
        }

        static Call list(String path) {
            return new Call(path, null, false);
        }
    }

    /** A workspace with its owner, one key per permission and environment, and data in both. */
    private final class Workspace {

        private final String owner;
        private final Map<String, Map<Permission, String>> keys = new LinkedHashMap<>();
        private final Map<String, DataSet> data = new LinkedHashMap<>();

        Workspace(String owner) {
            this.owner = owner;
        }

        String key(String environment, Permission permission) {
            return keys.computeIfAbsent(environment, env -> new EnumMap<>(Permission.class))
                    .computeIfAbsent(permission, p -> createKey(owner, environment, p));
        }

        DataSet data(String environment) {
            return data.computeIfAbsent(environment, env -> new DataSet(this, env));
        }

        List<DataSet> dataSets() {
            return List.of(data("live"), data("test"));
        }

        String owner() {
            return owner;
        }
    }

    /**
     * One workspace's data in one environment: an instance whose queue does not move (a gap of
     * ten minutes after its first send) and a message that stays queued on it.
     */
    private final class DataSet {

        private final Workspace workspace;
        private final String environment;
        static final String FIRST_RECIPIENT = "+4915100000001";

        private String slowInstanceId;
        private String queuedMessageId;
        private String contactId;
        private String conversationId;
        private final List<String> usedMessageIds = new ArrayList<>();

        DataSet(Workspace workspace, String environment) {
            this.workspace = workspace;
            this.environment = environment;
        }

        String slowInstanceId() {
            if (slowInstanceId == null) {
                slowInstanceId = registerSlowInstance();
                ApiClient.Response first = send(workspace.key(environment, Permission.MESSAGE_SEND),
                        slowInstanceId, FIRST_RECIPIENT, "opens the gap and a conversation");
                assertThat(first.status()).as(first.toString()).isEqualTo(202);
            }
            return slowInstanceId;
        }

        String queuedMessageId() {
            if (queuedMessageId == null) {
                ApiClient.Response queued = send(workspace.key(environment, Permission.MESSAGE_SEND),
                        slowInstanceId(), "+4915100000002", "waits");
                assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
                queuedMessageId = queued.json().path("id").asText();
                usedMessageIds.add(queuedMessageId);
            }
            return queuedMessageId;
        }

        /** The queued message was cancelled: the next caller gets a new one. */
        void queuedMessageUsedUp() {
            queuedMessageId = null;
        }

        /** The contact the first send created. */
        String contactId() {
            if (contactId == null) {
                slowInstanceId();
                ApiClient.Response found = api().get("/api/v1/contacts?q=" + FIRST_RECIPIENT.substring(1),
                        ApiClient.bearer(workspace.key(environment, Permission.CONTACT_READ)));
                contactId = found.json().path("data").path(0).path("id").asText();
                assertThat(contactId).as(found.toString()).startsWith("ct_");
            }
            return contactId;
        }

        /** The conversation the first send opened on the slow instance. */
        String conversationId() {
            if (conversationId == null) {
                ApiClient.Response found = api().get("/api/v1/conversations?instanceId=" + slowInstanceId(),
                        ApiClient.bearer(workspace.key(environment, Permission.CONVERSATION_MANAGE)));
                conversationId = found.json().path("data").path(0).path("id").asText();
                assertThat(conversationId).as(found.toString()).startsWith("conv_");
            }
            return conversationId;
        }

        List<String> ids() {
            List<String> ids = new ArrayList<>();
            if (slowInstanceId != null) {
                ids.add(slowInstanceId);
            }
            if (contactId != null) {
                ids.add(contactId);
            }
            if (conversationId != null) {
                ids.add(conversationId);
            }
            ids.addAll(usedMessageIds);
            return ids;
        }

        private String registerSlowInstance() {
            String config = environment.equals("live")
                    ? "\"provider\":\"cloud-api\",\"config\":{\"phoneNumberId\":\"1065\","
                            + "\"accessToken\":\"EAAG-matrix\",\"baseUrl\":\"" + PROVIDER.baseUrl() + "\"}"
                    : "\"provider\":\"sandbox\"";
            ApiClient.Response created = api().postJson("/api/v1/developer/instances",
                    workspace.owner(), "{\"name\":\"Matrix " + environment + "\",\"environment\":\""
                            + environment + "\"," + config + "}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().path("id").asText();
            ApiClient.Response throttled = api().put("/api/v1/developer/instances/" + id + "/throttling",
                    workspace.owner(), "{\"mode\":\"fixed\",\"minDelay\":\"10m\",\"maxQueue\":1000}");
            assertThat(throttled.status()).as(throttled.toString()).isEqualTo(200);
            return id;
        }
    }

    private String createKey(String owner, String environment, Permission permission) {
        ApiClient.Response created = api().postJson("/api/v1/developer/keys", owner,
                "{\"name\":\"matrix\",\"environment\":\"" + environment + "\",\"permissions\":[\""
                        + permission.wire() + "\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("key").asText();
    }
}
