package dev.bouncer.host.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts provider secrets (access tokens, API keys) at rest with AES-256-GCM. Each value gets
 * a fresh 96-bit nonce; the output is {@code v1:} + base64(nonce || ciphertext || tag).
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(SecretProperties properties) {
        this.key = new SecretKeySpec(loadKey(properties), "AES");
    }

    public String encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, plaintext.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
        return VERSION + Base64.getEncoder().encodeToString(out.array());
    }

    public String decrypt(String stored) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("Unknown secret format");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        byte[] nonce = Arrays.copyOfRange(all, 0, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(run(Cipher.DECRYPT_MODE, nonce, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // The cause never contains key material, but say only what failed.
            throw new IllegalStateException("Secret could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted; is bouncer.secrets.key the one it was stored with?"));
        }
    }

    private static byte[] loadKey(SecretProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return checkLength(Base64.getDecoder().decode(properties.key().trim()));
        }
        Path file = properties.keyFile();
        try {
            if (Files.exists(file)) {
                return checkLength(Base64.getDecoder().decode(Files.readString(file).trim()));
            }
            return createKeyFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
        }
    }

    private static byte[] createKeyFile(Path file) throws IOException {
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
        restrictToOwner(file);
        log.info("Created the secret encryption key file {}; keep it with the database, "
                + "or set bouncer.secrets.key", file);
        return fresh;
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("Could not restrict permissions of {}", file);
        }
    }

    private static byte[] checkLength(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("bouncer.secrets.key must be base64 of "
                    + KEY_BYTES + " bytes, got " + key.length);
        }
        return key;
    }
}
