package dev.bouncer.host.provider;

/**
 * What one health check of an instance found.
 *
 * @param state the connection as the provider reports it
 * @param detail what the provider answered, in words for events and logs; never a credential
 */
public record ConnectionCheck(ConnectionState state, String detail) {

    public static ConnectionCheck of(ConnectionState state, String detail) {
        return new ConnectionCheck(state, detail);
    }

    public static ConnectionCheck unknown(String detail) {
        return new ConnectionCheck(ConnectionState.UNKNOWN, detail);
    }

    public boolean isKnown() {
        return state != ConnectionState.UNKNOWN;
    }
}
