package dev.app09.testkit.server;

/** The Graph endpoints the fake serves, to aim faults at and to count requests by. */
public enum Endpoint {
    /** {@code GET /v1.0/applications}. */
    APPLICATIONS,
    /**
     * {@code GET /v1.0/applications/delta}, also called {@code delta()}, {@code
     * microsoft.graph.delta} and {@code microsoft.graph.delta()} (the Graph SDK sends {@code
     * delta()}): a delta query round, its pages and its delta links.
     */
    APPLICATIONS_DELTA,
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
    /** {@code GET /v1.0/servicePrincipals/delta}, under the same names as {@link #APPLICATIONS_DELTA}. */
    SERVICE_PRINCIPALS_DELTA,
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
        return this == APPLICATIONS || this == SERVICE_PRINCIPALS || this == SIGN_IN_ACTIVITIES || delta();
    }

    /** @return whether the endpoint is a delta function, paged by its own state tokens */
    public boolean delta() {
        return this == APPLICATIONS_DELTA || this == SERVICE_PRINCIPALS_DELTA;
    }
}
