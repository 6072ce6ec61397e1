package dev.bouncer.host.contact;

import dev.bouncer.host.common.PlainText;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A contact's tags: a short list of distinct labels that clients filter and segment by. */
final class Tags {

    static final int MAX_TAGS = 20;
    static final int MAX_LENGTH = 50;
    static final String NONE = "[]";

    private Tags() {
    }

    /**
     * Why the tags cannot be stored, if they cannot. They are stored stripped, so two tags that
     * differ only in surrounding spaces are the same tag.
     */
    static Optional<String> problemWith(List<String> tags) {
        if (tags.size() > MAX_TAGS) {
            return Optional.of("must have at most " + MAX_TAGS + " tags, has " + tags.size());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            Optional<String> problem = PlainText.problemWith(tags.get(i), MAX_LENGTH);
            if (problem.isPresent()) {
                return Optional.of("tag " + (i + 1) + " " + problem.get());
            }
            if (!seen.add(tags.get(i).strip())) {
                return Optional.of("tag " + (i + 1) + " repeats an earlier tag; tags must be distinct");
            }
        }
        return Optional.empty();
    }

    /** The column text; no tags (or a cleared list) is an empty array. */
    static String write(List<String> tags) {
        return tags == null ? NONE : StoredJson.write(tags);
    }
}
