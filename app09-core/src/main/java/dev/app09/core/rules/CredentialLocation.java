package dev.app09.core.rules;

/** The object a credential sits on. Both authenticate the same client. */
public enum CredentialLocation {
    /** The application object (app registration). */
    APPLICATION,
    /** The service principal (enterprise application); invisible in App registrations. */
    SERVICE_PRINCIPAL
}
