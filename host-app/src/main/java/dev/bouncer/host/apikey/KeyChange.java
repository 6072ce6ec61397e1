package dev.bouncer.host.apikey;

import java.util.Optional;
import java.util.Set;

/** A validated PATCH of a key: each field present is to be set, each absent one kept. */
record KeyChange(Optional<String> name, Optional<Set<Permission>> permissions) {
}
