package dev.bouncer.host.common;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the key that encrypts provider secrets at rest comes from.
 *
 * @param key base64 of 32 random bytes (AES-256); when empty, a key file is used
 * @param keyFile key file created on first start when no key is given; every node sharing a
 *     database needs the same key
 */
@ConfigurationProperties("bouncer.secrets")
public record SecretProperties(
        String key,
        @DefaultValue("./data/secret.key") Path keyFile) {

    @Override
    public String toString() {
        return "SecretProperties[key=" + (key == null || key.isBlank() ? "<unset>" : "<redacted>")
                + ", keyFile=" + keyFile + "]";
    }
}
