package dev.bouncer.host.apikey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.camel.throttle.Durations;
import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.PlainText;
import dev.bouncer.host.common.RequestReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the bodies of the key endpoints. Every bad field is named in one 422, and nothing is
 * read from the database before a body is known to be valid.
 */
final class KeyRequests {

    static final Duration DEFAULT_GRACE_PERIOD = Duration.ofHours(24);
    static final Duration MAX_GRACE_PERIOD = Duration.ofDays(7);
    private static final int MAX_NAME_LENGTH = 100;
    /** Both databases store this; years beyond it would fail as SQL errors instead of a 422. */
    private static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    private KeyRequests() {
    }

    static NewKey readNewKey(JsonNode json, Instant now) {
        RequestReader body = RequestReader.of(json);
        body.rejectUnknownFields(Set.of("name", "environment", "permissions", "expiresAt"));
        String name = readName(body);
        Optional<Environment> environment = readEnvironment(body);
        Set<Permission> permissions = readPermissions(body);
        Instant expiresAt = readExpiresAt(body, now);
        body.throwIfInvalid();
        return new NewKey(name, environment.orElseThrow(), permissions, expiresAt);
    }

    /** A PATCH body: {@code name} and/or {@code permissions}; the environment is fixed. */
    static KeyChange readChange(JsonNode json) {
        RequestReader body = RequestReader.of(json);
        body.rejectUnknownFields(Set.of("name", "permissions", "environment"));
        if (json.has("environment")) {
            body.reject("environment", "cannot be changed; create a new key");
        }
        if (json.isEmpty()) {
            body.reject("body", "must set at least one of name, permissions");
        }
        Optional<String> name = json.has("name") && notNull(body, json, "name")
                ? Optional.ofNullable(readName(body)) : Optional.empty();
        Optional<Set<Permission>> permissions = json.has("permissions")
                && notNull(body, json, "permissions")
                ? Optional.of(readPermissions(body)) : Optional.empty();
        body.throwIfInvalid();
        return new KeyChange(name, permissions);
    }

    /** A roll body, which may be absent: {@code gracePeriod} from 0s to 7d, 24h by default. */
    static Duration readGracePeriod(JsonNode json) {
        if (json == null) {
            return DEFAULT_GRACE_PERIOD;
        }
        RequestReader body = RequestReader.of(json);
        body.rejectUnknownFields(Set.of("gracePeriod"));
        Duration grace = body.optionalDuration("gracePeriod").orElse(DEFAULT_GRACE_PERIOD);
        if (grace.compareTo(MAX_GRACE_PERIOD) > 0) {
            body.reject("gracePeriod", "must be at most 7d, not " + Durations.format(grace));
        }
        body.throwIfInvalid();
        return grace;
    }

    private static String readName(RequestReader body) {
        String name = body.requiredString("name");
        if (name != null) {
            PlainText.problemWith(name, MAX_NAME_LENGTH).ifPresent(problem -> body.reject("name", problem));
        }
        return name == null ? null : name.strip();
    }

    private static Optional<Environment> readEnvironment(RequestReader body) {
        Optional<String> value = Optional.ofNullable(body.requiredString("environment"));
        Optional<Environment> environment = value.flatMap(Environment::fromWire);
        if (value.isPresent() && environment.isEmpty()) {
            body.reject("environment", "must be 'live' or 'test'");
        }
        return environment;
    }

    private static Set<Permission> readPermissions(RequestReader body) {
        List<String> names = body.stringArray("permissions");
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (names == null) {
            return permissions;
        }
        for (String name : names) {
            Permission.fromWire(name).ifPresentOrElse(permissions::add, () -> body.reject(
                    "permissions", "'" + name + "' is not a permission; known: " + known()));
        }
        if (names.isEmpty()) {
            body.reject("permissions", "must name at least one permission; known: " + known());
        }
        return permissions;
    }

    private static Instant readExpiresAt(RequestReader body, Instant now) {
        Optional<String> text = body.optionalString("expiresAt");
        if (text.isEmpty()) {
            return null;
        }
        Instant expiresAt;
        try {
            // Microseconds are what the databases keep, so the answer equals what is stored.
            expiresAt = OffsetDateTime.parse(text.get()).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException notATime) {
            body.reject("expiresAt", "must be an ISO-8601 time with offset, such as "
                    + "2027-01-31T00:00:00Z");
            return null;
        }
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(LATEST_EXPIRY)) {
            body.reject("expiresAt", "must be in the future (and before the year 10000)");
        }
        return expiresAt;
    }

    /** Merge-patch null would mean "remove"; neither field can be removed. */
    private static boolean notNull(RequestReader body, JsonNode json, String field) {
        if (json.get(field).isNull()) {
            body.reject(field, "cannot be null; leave it out to keep it");
            return false;
        }
        return true;
    }

    private static String known() {
        return String.join(", ", EnumSet.allOf(Permission.class).stream()
                .map(Permission::wire).toList());
    }
}
