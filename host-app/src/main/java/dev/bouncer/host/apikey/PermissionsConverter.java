package dev.bouncer.host.apikey;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a key's permissions as a comma-separated list of wire names. */
@Converter
class PermissionsConverter implements AttributeConverter<Set<Permission>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Permission> permissions) {
        return permissions.stream().sorted().map(Permission::wire).collect(Collectors.joining(","));
    }

    @Override
    public Set<Permission> convertToEntityAttribute(String value) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        Arrays.stream(value.split(",")).filter(name -> !name.isBlank())
                .map(name -> Permission.fromWire(name).orElseThrow())
                .forEach(permissions::add);
        return permissions;
    }
}
