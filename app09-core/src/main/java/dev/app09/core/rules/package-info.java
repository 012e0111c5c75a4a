/**
 * The rules of APP-09 (APP09-RULES.md sections 1-5) as pure functions of
 * (snapshot, {@link dev.app09.core.rules.Policy}, asOf).
 *
 * <p>A {@link dev.app09.core.rules.Workload} joins an application and its service principal by
 * appId and has an {@link dev.app09.core.rules.Origin}; {@link dev.app09.core.rules.CredentialClassifier}
 * gives each credential a {@link dev.app09.core.rules.CredentialKind} and a
 * {@link dev.app09.core.rules.CredentialStatus}; {@link dev.app09.core.rules.WorkloadRules} turns them
 * into a {@link dev.app09.core.rules.Verdict} with {@link dev.app09.core.rules.Finding}s, honouring the
 * {@link dev.app09.core.rules.ExceptionRegister}; {@link dev.app09.core.rules.TenantRules} gives the
 * tenant-wide findings. None of them reads a clock.
 */
@NullMarked
package dev.app09.core.rules;

import org.jspecify.annotations.NullMarked;
