package dev.app09.graph;

/** A Graph request that failed for good (after any retries): a scan makes it a problem, a migration step reports it. */
public final class GraphCallFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    GraphCallFailed(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** @return the HTTP status, or 0 when there was no answer */
    public int status() {
        return status;
    }

    /** @return whether Graph said the caller may not, or the thing is not there (403, 404) */
    boolean forbiddenOrMissing() {
        return status == 403 || status == 404;
    }
}
