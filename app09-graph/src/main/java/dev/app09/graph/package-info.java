/**
 * app09-graph: reads tenants from Microsoft Graph or exports, guards migration writes, and holds
 * the {@code app09} command line. Its content arrives with the scan issue; until then the module is
 * empty.
 */
@NullMarked
package dev.app09.graph;

import org.jspecify.annotations.NullMarked;
