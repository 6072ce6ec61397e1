package dev.bouncer.host.apikey;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.Ids;
import dev.bouncer.host.common.Sha256;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key format {@code bnc_<env>_<secret>}: 40 random base62 characters (about 238 bits). Because
 * keys are that random, a single SHA-256 is a safe stored form and costs microseconds, unlike a
 * password hash, so authentication stays off the slow path.
 */
final class ApiKeyFormat {

    static final int SECRET_LENGTH = 40;
    private static final Pattern KEY = Pattern.compile("bnc_(live|test)_([0-9A-Za-z]{32,128})");
    private static final int DISPLAY_SUFFIX_LENGTH = 4;

    private ApiKeyFormat() {
    }

    static String generate(Environment environment) {
        return prefix(environment) + Ids.randomBase62(SECRET_LENGTH);
    }

    /** The environment a well-formed key names; empty for anything else. */
    static Optional<Environment> environmentOf(String key) {
        Matcher matcher = KEY.matcher(key);
        return matcher.matches() ? Environment.fromWire(matcher.group(1)) : Optional.empty();
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
}
