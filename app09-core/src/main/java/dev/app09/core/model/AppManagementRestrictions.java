package dev.app09.core.model;

import java.util.List;

/**
 * The credential restrictions that an app management policy applies to one kind of object
 * (applications, or service principals). Only password restrictions matter to APP-09.
 *
 * @param passwordCredentials restrictions on password credentials
 */
public record AppManagementRestrictions(List<PasswordCredentialRestriction> passwordCredentials) {

    /** No restrictions. */
    public static final AppManagementRestrictions NONE = new AppManagementRestrictions(List.of());

    /** Copies. */
    public AppManagementRestrictions {
        passwordCredentials = List.copyOf(passwordCredentials);
    }
}
