package dev.bouncer.camel;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The operations a {@code bouncer:operation} endpoint can perform. */
public enum BouncerOperation {

    // Constants are lower case because they are the literal URI values, as in Camel's own
    // operation enums; the catalog lists them as the allowed values of the path parameter.

    /** Sends the exchange body as a text message. */
    send,

    /** Creates the contact for a phone number, or updates the one that has it. */
    contacts;

    /**
     * Returns the operation written in an endpoint URI.
     *
     * @throws IllegalArgumentException naming the supported operations when the value is unknown
     */
    public static BouncerOperation fromUriValue(String value) {
        return Arrays.stream(values())
                .filter(operation -> operation.name().equals(value))
                .findFirst()
                .orElseThrow(() -> unknown(value));
    }

    private static IllegalArgumentException unknown(String value) {
        String supported = Arrays.stream(values())
                .map(BouncerOperation::name)
                .collect(Collectors.joining(", "));
        return new IllegalArgumentException("Unknown Bouncer operation '" + value
                + "' in bouncer:" + value + "; supported operations: " + supported);
    }
}
