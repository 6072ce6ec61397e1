package dev.bouncer.host.message;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncer.host.common.NotFoundException;
import dev.bouncer.host.common.RequestReader;
import dev.bouncer.host.instance.Instance;
import dev.bouncer.host.instance.InstanceService;
import dev.bouncer.host.workspace.Workspace;
import dev.bouncer.host.workspace.WorkspaceService;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code direct:bouncer-outbox}: how the YAML pipelines in {@code routes/} send. The body is the
 * text, header {@code CamelBouncerTo} the recipient; {@code CamelBouncerInstanceId} picks the
 * instance (default: the sandbox) and {@code CamelBouncerWorkspace} the workspace (default:
 * {@code default}). The message goes through the same validation, outbox, contact and
 * conversation as the REST API; afterwards {@code CamelBouncerMessageId} and
 * {@code CamelBouncerMessageStatus} are set.
 */
@Component
class PipelineOutboxRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:bouncer-outbox";
    static final String TO = "CamelBouncerTo";
    static final String INSTANCE_ID = "CamelBouncerInstanceId";
    static final String WORKSPACE = "CamelBouncerWorkspace";
    static final String MESSAGE_ID = "CamelBouncerMessageId";
    static final String MESSAGE_STATUS = "CamelBouncerMessageStatus";
    private static final String DEFAULT_WORKSPACE = "default";

    private final SendService sends;
    private final InstanceService instances;
    private final WorkspaceService workspaces;

    PipelineOutboxRoute(SendService sends, InstanceService instances,
            WorkspaceService workspaces) {
        this.sends = sends;
        this.instances = instances;
        this.workspaces = workspaces;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("bouncer-outbox").process(this::enqueue);
    }

    private void enqueue(Exchange exchange) {
        Message in = exchange.getIn();
        String workspaceName = in.getHeader(WORKSPACE, DEFAULT_WORKSPACE, String.class);
        Workspace workspace = workspaces.findByName(workspaceName)
                .orElseThrow(() -> new NotFoundException("workspace", workspaceName));
        Instance instance = instanceFor(workspace, in.getHeader(INSTANCE_ID, String.class));

        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("instanceId", instance.getId())
                .put("to", in.getHeader(TO, String.class))
                .put("message", in.getBody(String.class));
        SendRequest request = SendRequest.read(RequestReader.of(body));
        OutboxMessage queued =
                sends.send(workspace.getId(), instance.getEnvironment(), request).message();

        in.setHeader(MESSAGE_ID, queued.getId());
        in.setHeader(MESSAGE_STATUS, queued.getStatus().wire());
    }

    private Instance instanceFor(Workspace workspace, String instanceId) {
        if (instanceId == null || instanceId.isBlank()) {
            return instances.findSandbox(workspace.getId())
                    .orElseThrow(() -> new NotFoundException("sandbox instance", workspace.getName()));
        }
        return instances.findInWorkspace(workspace.getId(), instanceId)
                .orElseThrow(() -> new NotFoundException("instance", instanceId));
    }
}
