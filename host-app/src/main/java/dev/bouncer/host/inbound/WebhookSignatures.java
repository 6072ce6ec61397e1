package dev.bouncer.host.inbound;

import dev.bouncer.host.provider.ProviderConfig;
import dev.bouncer.host.provider.ProviderType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Checks that a webhook comes from the instance's provider, over the raw body bytes and before
 * anything parses them. Every comparison takes the same time wherever the values differ.
 */
@Component
class WebhookSignatures {

    static final String META_SIGNATURE = "X-Hub-Signature-256";
    static final String WAHA_HMAC = "X-Webhook-Hmac";
    static final String WAHA_ALGORITHM = "X-Webhook-Hmac-Algorithm";
    static final String EVOLUTION_SECRET = "X-Bouncer-Webhook-Secret";
    private static final String META_PREFIX = "sha256=";

    /** Throws {@link WebhookRejectedException} unless the request verifies. */
    void verify(ProviderType provider, ProviderConfig config, WebhookRequest request) {
        switch (provider) {
            case CLOUD_API -> verifyMeta(config.secret("appSecret"), request);
            case WAHA -> verifyWaha(config.secret("webhookHmacKey"), request);
            case EVOLUTION -> verifyEvolution(config.secret("webhookSecret"), request);
            default -> throw WebhookRejectedException.invalid("provider " + provider.wire()
                    + " sends no webhooks");
        }
    }

    private static void verifyMeta(String appSecret, WebhookRequest request) {
        String header = request.header().apply(META_SIGNATURE);
        if (header == null || !header.startsWith(META_PREFIX)) {
            throw WebhookRejectedException.missing("no " + META_SIGNATURE + " header");
        }
        requireSecret(appSecret, "appSecret");
        String expected = hmacHex("HmacSHA256", appSecret, request.body());
        requireEqual(expected, header.substring(META_PREFIX.length()), META_SIGNATURE);
    }

    private static void verifyWaha(String key, WebhookRequest request) {
        String signature = request.header().apply(WAHA_HMAC);
        if (signature == null) {
            throw WebhookRejectedException.missing("no " + WAHA_HMAC + " header");
        }
        String algorithm = request.header().apply(WAHA_ALGORITHM);
        if (algorithm == null || !algorithm.trim().equalsIgnoreCase("sha512")) {
            throw WebhookRejectedException.invalid(WAHA_ALGORITHM + " is not sha512");
        }
        requireSecret(key, "webhookHmacKey");
        requireEqual(hmacHex("HmacSHA512", key, request.body()), signature, WAHA_HMAC);
    }

    private static void verifyEvolution(String secret, WebhookRequest request) {
        String given = request.header().apply(EVOLUTION_SECRET);
        if (given == null) {
            given = request.querySecret();
        }
        if (given == null) {
            throw WebhookRejectedException.missing("no " + EVOLUTION_SECRET + " header or secret parameter");
        }
        requireSecret(secret, "webhookSecret");
        if (!MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw WebhookRejectedException.invalid("webhook secret does not match");
        }
    }

    private static void requireSecret(String secret, String name) {
        if (secret == null || secret.isEmpty()) {
            throw WebhookRejectedException.invalid("the instance has no " + name + " configured");
        }
    }

    /** Hex is compared case-insensitively: some senders write upper case. */
    private static void requireEqual(String expectedHex, String givenHex, String header) {
        byte[] expected = expectedHex.getBytes(StandardCharsets.US_ASCII);
        byte[] given = givenHex.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw WebhookRejectedException.invalid(header + " does not match the body");
        }
    }

    static String hmacHex(String algorithm, String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JRE", e);
        }
    }

    /** The Meta handshake: the token Meta echoes must be the instance's verify token. */
    static boolean verifyTokenMatches(String configured, String given) {
        return configured != null && given != null && MessageDigest.isEqual(
                configured.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
