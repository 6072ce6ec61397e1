package dev.bouncer.host.common;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Stores an enum by its wire name (the name the API uses), so the database reads like the API.
 * An unknown stored name fails loudly: it means the data was written by a newer version.
 */
public abstract class WireNameConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;
    private final Function<E, String> wireName;

    protected WireNameConverter(Class<E> type, Function<E, String> wireName) {
        this.type = type;
        this.wireName = wireName;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : wireName.apply(value);
    }

    @Override
    public E convertToEntityAttribute(String stored) {
        if (stored == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> wireName.apply(constant).equals(stored)).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "Unknown " + type.getSimpleName() + " '" + stored + "' in the database"));
    }
}
