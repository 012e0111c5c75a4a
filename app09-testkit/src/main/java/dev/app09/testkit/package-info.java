/**
 * app09-testkit: what a test needs to exercise APP-09 without a live tenant. {@link
 * dev.app09.testkit.App09Assertions} (assertions on reports and workloads) and {@link
 * dev.app09.testkit.TestClock} live here; tenants are built in {@code tenant}, written as Graph
 * JSON in {@code json}, served over HTTP in {@code server}, and {@code junit} holds the JUnit 5
 * extension.
 */
@NullMarked
package dev.app09.testkit;

import org.jspecify.annotations.NullMarked;
