/**
 * app09-testkit: fake tenants, a fake Microsoft Graph server, assertions and a fixed clock for
 * tests. Its content arrives with the testkit issue; until then the module is empty.
 */
@NullMarked
package dev.app09.testkit;

import org.jspecify.annotations.NullMarked;
