package dev.app09.testkit.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request the fake Graph received, in arrival order; thread-safe. */
public final class RequestJournal {

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    RequestJournal() {
    }

    void record(RecordedRequest request) {
        requests.add(request);
    }

    /** @return an unmodifiable copy of every request so far */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * @param endpoint an endpoint
     * @return the requests to it, in order
     */
    public List<RecordedRequest> requests(Endpoint endpoint) {
        return requests.stream().filter(r -> r.endpoint() == endpoint).toList();
    }

    /**
     * @param endpoint an endpoint
     * @return how many requests it received
     */
    public int count(Endpoint endpoint) {
        return requests(endpoint).size();
    }

    /** @return how many requests the fake received */
    public int count() {
        return requests.size();
    }

    /** Forgets every request. */
    public void clear() {
        requests.clear();
    }
}
