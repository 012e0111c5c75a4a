package dev.app09.graph.cli;

import dev.app09.core.model.ScanProblem;
import dev.app09.graph.ScanListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Progress on standard error: on a terminal one line rewritten in place, otherwise one plain line
 * per page, so logs stay readable. Problems and retries always get a line of their own.
 */
final class ProgressPrinter implements ScanListener {

    private final PrintStream err;
    private final boolean terminal;
    private final Map<String, Long> totals = new TreeMap<>();
    private boolean lineOpen;

    ProgressPrinter(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void pageRead(String collection, int page, int objects, long total) {
        totals.put(collection, total);
        if (terminal) {
            StringBuilder line = new StringBuilder("\rreading");
            totals.forEach((name, count) -> line.append("  ").append(name).append(": ").append(count));
            err.print(line);
            lineOpen = true;
        } else {
            err.println("read " + collection + " page " + page + ": " + objects + " objects (" + total + " in all)");
        }
        err.flush();
    }

    @Override
    public synchronized void retrying(String request, int attempt, Duration wait, String cause) {
        String after = wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
        line("retrying " + request + " in " + after + " (retry " + attempt + "): " + cause);
    }

    @Override
    public synchronized void problem(ScanProblem problem) {
        line((problem.impact() == ScanProblem.Impact.INCOMPLETE ? "incomplete: " : "warning: ")
                + problem.source() + ": " + problem.message());
    }

    /** Ends the live line, if one is open. */
    synchronized void finish() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
    }

    private void line(String text) {
        finish();
        err.println(text);
    }
}
