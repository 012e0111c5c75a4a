package dev.app09.graph;

import dev.app09.core.model.ScanProblem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ScanListener} that keeps what it heard; thread-safe, as the reader calls it from several threads. */
final class RecordingListener implements ScanListener {

    record PageRead(String collection, int page, int objects, long total) {
    }

    record Retry(String request, int attempt, Duration delay, String cause) {
    }

    private final List<PageRead> pages = new CopyOnWriteArrayList<>();
    private final List<Retry> retries = new CopyOnWriteArrayList<>();
    private final List<ScanProblem> problems = new CopyOnWriteArrayList<>();

    @Override
    public void pageRead(String collection, int page, int objects, long total) {
        pages.add(new PageRead(collection, page, objects, total));
    }

    @Override
    public void retrying(String request, int attempt, Duration wait, String cause) {
        retries.add(new Retry(request, attempt, wait, cause));
    }

    @Override
    public void problem(ScanProblem problem) {
        problems.add(problem);
    }

    /** @return the pages of one collection, in the order heard */
    List<PageRead> pages(String collection) {
        return pages.stream().filter(p -> p.collection().equals(collection)).toList();
    }

    List<Retry> retries() {
        return List.copyOf(retries);
    }

    List<ScanProblem> problems() {
        return List.copyOf(problems);
    }
}
