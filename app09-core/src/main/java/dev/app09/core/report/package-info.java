/**
 * The APP-09 report and its renderers.
 *
 * <p>A {@link dev.app09.core.report.Report} maps one-to-one onto the JSON of APP09-RULES.md
 * section 6: the {@link dev.app09.core.report.Control} metadata, tenant id, instant, completeness
 * and problems, a {@link dev.app09.core.report.Summary}, tenant findings and the listed workloads in
 * priority order. {@link dev.app09.core.report.CsvReport}, {@link dev.app09.core.report.MarkdownReport}
 * and {@link dev.app09.core.report.TextReport} render it with no dependency; the Markdown summary
 * carries the {@link dev.app09.core.report.VerificationChecklist}, the
 * {@link dev.app09.core.report.EffortEstimate} and, when asked, an {@link dev.app09.core.report.Industry}
 * profile.
 */
@NullMarked
package dev.app09.core.report;

import org.jspecify.annotations.NullMarked;
