/**
 * Graph's JSON in and app09's JSON out: {@link dev.app09.graph.json.GraphJsonReader} maps Graph
 * answers and export files (Graph's shape or PowerShell's) to core records,
 * {@link dev.app09.graph.json.ExceptionsFile} reads an exceptions register, and
 * {@link dev.app09.graph.json.JsonReport} writes the report of APP09-RULES.md section 6.
 */
@NullMarked
package dev.app09.graph.json;

import org.jspecify.annotations.NullMarked;
