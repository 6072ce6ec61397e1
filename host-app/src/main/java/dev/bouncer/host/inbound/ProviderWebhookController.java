package dev.bouncer.host.inbound;

import dev.bouncer.host.instance.InstanceService;
import dev.bouncer.host.provider.ProviderType;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where providers post their webhooks, one URL per instance. Outside {@code /api}: providers
 * prove themselves by a signature or secret per instance, not by an API key.
 */
@RestController
@RequestMapping("/webhooks/providers/{instanceId}")
class ProviderWebhookController {

    private static final Logger log = LoggerFactory.getLogger(ProviderWebhookController.class);
    /** Meta sends a number; anything else would only be reflected back. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._-]{1,256}");

    private final InboundIntake intake;
    private final InstanceService instances;

    ProviderWebhookController(InboundIntake intake, InstanceService instances) {
        this.intake = intake;
        this.instances = instances;
    }

    /** Answers 200 as soon as the events are stored; they are applied afterwards. */
    @PostMapping
    ResponseEntity<Void> receive(@PathVariable String instanceId,
            @RequestBody(required = false) byte[] body, @RequestHeader HttpHeaders headers,
            @RequestParam(name = "secret", required = false) String secret) {
        intake.accept(instanceId, new WebhookRequest(body, headers::getFirst, secret));
        return ResponseEntity.ok().build();
    }

    /** Meta's subscription handshake: echo the challenge when the verify token is the instance's. */
    @GetMapping
    ResponseEntity<String> verify(@PathVariable String instanceId,
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (!"subscribe".equals(mode) || challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            throw WebhookRejectedException.badHandshake();
        }
        if (!tokenMatches(instanceId, token)) {
            log.debug("Webhook subscription handshake for instance {} refused", instanceId);
            throw WebhookRejectedException.verifyTokenRefused("handshake refused");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    private boolean tokenMatches(String instanceId, String token) {
        return instances.findForWebhook(instanceId)
                .filter(instance -> instance.getProvider() == ProviderType.CLOUD_API)
                .map(instance -> instances.providerConfig(instance).secret("verifyToken"))
                .map(configured -> WebhookSignatures.verifyTokenMatches(configured, token))
                .orElse(false);
    }
}
