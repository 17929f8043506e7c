package org.quittance.staff.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores roles by their security role name, which is what the staff realm hands to the server. */
@Converter(autoApply = true)
public class StaffRoleConverter implements AttributeConverter<StaffRole, String> {

    @Override
    public String convertToDatabaseColumn(StaffRole role) {
        return role == null ? null : role.roleName();
    }

    @Override
    public StaffRole convertToEntityAttribute(String roleName) {
        return roleName == null ? null : StaffRole.ofRoleName(roleName);
    }
}
