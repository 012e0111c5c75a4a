/**
 * The {@code app09} command line ({@code java -jar app09.jar scan ...}), over picocli: an optional
 * dependency, present in the executable jar. Library users do not need it.
 */
@NullMarked
package dev.app09.graph.cli;

import org.jspecify.annotations.NullMarked;
