/**
 * Fake tenants: {@link dev.app09.testkit.tenant.FakeTenant} builds core snapshots with valid
 * defaults, {@link dev.app09.testkit.tenant.SampleTenants} holds the documented samples, and
 * {@link dev.app09.testkit.tenant.GeneratedTenant} produces large tenants without holding them.
 */
@NullMarked
package dev.app09.testkit.tenant;

import org.jspecify.annotations.NullMarked;
