package dev.bouncer.host.common;

/** Media types the API takes beyond Spring's own constants. */
public final class MediaTypes {

    /** JSON Merge Patch (RFC 7396): what a PATCH body may also be declared as. */
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private MediaTypes() {
    }
}
