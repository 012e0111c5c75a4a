/**
 * Placeholder for the certs module; its content arrives with its own issue.
 */
@NullMarked
package dev.app09.certs;

import org.jspecify.annotations.NullMarked;
