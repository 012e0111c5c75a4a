/**
 * Writes tenants as the JSON Microsoft Graph returns ({@link dev.app09.testkit.json.GraphJson})
 * and as export folders ({@link dev.app09.testkit.json.ExportFolder}). Reading that JSON is
 * app09-graph's job: the project has one parser.
 */
@NullMarked
package dev.app09.testkit.json;

import org.jspecify.annotations.NullMarked;
