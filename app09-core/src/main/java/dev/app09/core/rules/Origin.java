package dev.app09.core.rules;

/** Where a workload comes from (APP09-RULES.md section 1). */
public enum Origin {
    /** An application object exists in this tenant. */
    TENANT,
    /** Service principal only, owned by a Microsoft first-party tenant. */
    MICROSOFT,
    /** Service principal only, owned by another tenant (multi-tenant or gallery application). */
    EXTERNAL,
    /** A managed identity: Azure rotates its credentials, APP-09 does not apply. */
    MANAGED_IDENTITY
}
