/**
 * AssertJ assertions on reports and workload assessments; start from {@link
 * dev.app09.testkit.App09Assertions}.
 */
@NullMarked
package dev.app09.testkit.assertj;

import org.jspecify.annotations.NullMarked;
