/**
 * Guarded migration, as pure functions of (snapshot, policy, asOf, evidence): where each workload
 * stands on its way from client secrets to certificates ({@link dev.app09.core.migration.MigrationPlanner}),
 * and whether one secret may be retired without an outage ({@link dev.app09.core.migration.RetirementGuard}).
 * Nothing here writes to a tenant; app09-graph does, after asking these rules.
 */
@NullMarked
package dev.app09.core.migration;

import org.jspecify.annotations.NullMarked;
