package dev.bouncer.host.support;

import dev.bouncer.host.common.Ids;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Keys built the way the README tells a secret scanner to check them, independently of the
 * server's code: {@code bnc_<env>_}, 40 random base62 characters, and the base62 CRC32 of all
 * that, left-padded with '0' to 6 characters.
 */
public final class TestKeys {

    private static final String BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private TestKeys() {
    }

    /** A key of the right shape and checksum that no server ever issued. */
    public static String wellFormedUnknown(String environment) {
        return withChecksum("bnc_" + environment + "_" + Ids.randomBase62(40));
    }

    public static String withChecksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        StringBuilder checksum = new StringBuilder();
        for (long rest = crc.getValue(); rest > 0; rest /= 62) {
            checksum.insert(0, BASE62.charAt((int) (rest % 62)));
        }
        while (checksum.length() < 6) {
            checksum.insert(0, '0');
        }
        return body + checksum;
    }
}
