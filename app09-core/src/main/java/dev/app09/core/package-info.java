/**
 * app09-core: the APP-09 control as pure Java.
 *
 * <p>{@link dev.app09.core.Assessor} is the entry point: it judges a
 * {@link dev.app09.core.model.TenantSnapshot} under a {@link dev.app09.core.rules.Policy} at an
 * explicit instant and returns a {@link dev.app09.core.report.Report}. The packages are:
 * <ul>
 *   <li>{@code dev.app09.core.model}: what was read from a tenant (applications, service
 *       principals, their credential shapes, the app management policy, sign-in evidence);</li>
 *   <li>{@code dev.app09.core.rules}: the rules of APP09-RULES.md sections 1-5 (workloads,
 *       credential kinds and status, verdicts, findings, the exceptions register);</li>
 *   <li>{@code dev.app09.core.report}: the report, control metadata, industry profiles, the
 *       verification checklist, the effort estimate, and CSV / Markdown / text renderers.</li>
 * </ul>
 * Nothing here reads the wall clock, the network or the file system.
 */
@NullMarked
package dev.app09.core;

import org.jspecify.annotations.NullMarked;
