package dev.app09.testkit.server;

/** The Graph endpoints the fake serves, to aim faults at and to count requests by. */
public enum Endpoint {
    /** {@code GET /v1.0/applications}. */
    APPLICATIONS,
    /** {@code GET /v1.0/applications/{id}}. */
    APPLICATION,
    /** {@code GET /v1.0/applications/{id}/federatedIdentityCredentials}. */
    FEDERATED_IDENTITY_CREDENTIALS,
    /** {@code PATCH /v1.0/applications/{id}}. */
    UPDATE_APPLICATION,
    /** {@code POST /v1.0/applications/{id}/addKey}. */
    ADD_KEY,
    /** {@code POST /v1.0/applications/{id}/removePassword} and the same on a service principal. */
    REMOVE_PASSWORD,
    /** {@code GET /v1.0/servicePrincipals}. */
    SERVICE_PRINCIPALS,
    /** {@code GET /v1.0/servicePrincipals/{id}}. */
    SERVICE_PRINCIPAL,
    /** {@code GET /v1.0/policies/defaultAppManagementPolicy}. */
    APP_MANAGEMENT_POLICY,
    /** {@code GET /beta/reports/appCredentialSignInActivities}. */
    SIGN_IN_ACTIVITIES,
    /** {@code GET /v1.0/organization}. */
    ORGANIZATION,
    /** Anything else: answered as Graph answers an unknown segment. */
    UNKNOWN;

    /** @return whether the endpoint answers with pages of a collection */
    public boolean paged() {
        return this == APPLICATIONS || this == SERVICE_PRINCIPALS || this == SIGN_IN_ACTIVITIES;
    }
}
