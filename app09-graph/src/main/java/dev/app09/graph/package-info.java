/**
 * Placeholder for the graph module; its content arrives with its own issue.
 */
@NullMarked
package dev.app09.graph;

import org.jspecify.annotations.NullMarked;
