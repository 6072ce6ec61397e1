package dev.bouncer.camel;

import com.sun.net.httpserver.Headers;

/** One request the {@link FakeBouncerApi} received. */
record RecordedRequest(String method, String path, Headers headers, String body) {

    /** Returns the first value of a header, matched case-insensitively, or null. */
    String header(String name) {
        return headers.getFirst(name);
    }
}
