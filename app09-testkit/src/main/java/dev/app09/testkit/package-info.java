/**
 * Placeholder for the testkit module; its content arrives with its own issue.
 */
@NullMarked
package dev.app09.testkit;

import org.jspecify.annotations.NullMarked;
