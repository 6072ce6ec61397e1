package dev.bouncer.host.apikey;

import dev.bouncer.camel.client.ApiKeyChecksum;
import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.Ids;
import dev.bouncer.host.common.Sha256;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key format {@code bnc_<env>_<random><checksum>}, 55 characters in all:
 *
 * <ul>
 *   <li>{@code <env>} is {@code live} or {@code test};
 *   <li>{@code <random>} is 40 base62 characters from {@code SecureRandom} (about 238 bits);
 *   <li>{@code <checksum>} is 6 base62 characters: the CRC32 ({@code java.util.zip.CRC32}) of the ASCII bytes
 *       of everything before it ({@code bnc_test_} and the 40 random characters), as an unsigned
 *       number written in base62 with the digits {@code 0-9A-Za-z} (0 to 61), most significant
 *       first, left-padded with {@code 0} to 6 characters.
 * </ul>
 *
 * <p>Every key matches {@code bnc_(live|test)_[0-9A-Za-z]{46}}. The checksum lets a secret
 * scanner tell a real key from text that merely looks like one, and lets the server refuse a
 * mistyped or truncated key without a database query. It protects nothing: anyone can compute
 * it, and only the 40 random characters are secret.
 *
 * <p>Because keys are that random, a single SHA-256 is a safe stored form and costs
 * microseconds, unlike a password hash, so authentication stays off the slow path.
 */
final class ApiKeyFormat {

    static final int RANDOM_LENGTH = 40;
    static final int CHECKSUM_LENGTH = 6;
    private static final Pattern KEY = Pattern.compile(
            "bnc_(live|test)_[0-9A-Za-z]{" + (RANDOM_LENGTH + CHECKSUM_LENGTH) + "}");
    private static final int KEY_LENGTH = "bnc_test_".length() + RANDOM_LENGTH + CHECKSUM_LENGTH;
    private static final int DISPLAY_SUFFIX_LENGTH = 4;

    private ApiKeyFormat() {
    }

    static String generate(Environment environment) {
        String body = prefix(environment) + Ids.randomBase62(RANDOM_LENGTH);
        return body + checksum(body);
    }

    /**
     * The environment of a key with the right shape and checksum; empty for anything else. It
     * looks at nothing but the text, so a typo never costs a database query.
     */
    static Optional<Environment> environmentOf(String key) {
        if (key == null || key.length() != KEY_LENGTH) {
            return Optional.empty();
        }
        Matcher matcher = KEY.matcher(key);
        if (!matcher.matches() || !hasValidChecksum(key)) {
            return Optional.empty();
        }
        return Environment.fromWire(matcher.group(1));
    }

    static String hash(String key) {
        return Sha256.hex(key);
    }

    static String prefix(Environment environment) {
        return "bnc_" + environment.wire() + "_";
    }

    static String displaySuffix(String key) {
        return key.substring(key.length() - DISPLAY_SUFFIX_LENGTH);
    }

    /**
     * The 6 checksum characters for the key text before them. The Camel component checks the
     * same digits on its side, so both use its one implementation.
     */
    static String checksum(String body) {
        return ApiKeyChecksum.of(body);
    }

    private static boolean hasValidChecksum(String key) {
        int split = key.length() - CHECKSUM_LENGTH;
        return checksum(key.substring(0, split)).equals(key.substring(split));
    }
}
