/**
 * What app09 reads from a tenant, as immutable values: a {@link dev.app09.core.model.TenantSnapshot}
 * of {@link dev.app09.core.model.Application}s and {@link dev.app09.core.model.ServicePrincipal}s with
 * their three credential shapes ({@link dev.app09.core.model.PasswordCredential},
 * {@link dev.app09.core.model.KeyCredential}, {@link dev.app09.core.model.FederatedIdentityCredential}),
 * the optional default app management policy and the optional credential sign-in evidence.
 *
 * <p>The model has no field for a secret value: a password credential keeps at most its
 * three-character hint. Values Graph may extend (key type, key usage, service principal type) are
 * kept as the raw strings Graph sent, with an enum view that has an explicit {@code UNKNOWN}.
 */
@NullMarked
package dev.app09.core.model;

import org.jspecify.annotations.NullMarked;
