package dev.app09.core.report;

import dev.app09.core.rules.Verdict;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The counts of a report.
 *
 * @param byVerdict how many workloads got each verdict (every verdict present, zero included)
 * @param workloads how many workloads were assessed, listed or not
 * @param failing how many workloads fail the control
 * @param omitted how many workloads the listing rule left out of the list
 */
public record Summary(Map<Verdict, Integer> byVerdict, int workloads, int failing, int omitted) {

    /** Copies, filling in zero for verdicts not given. */
    public Summary {
        EnumMap<Verdict, Integer> all = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            all.put(verdict, byVerdict.getOrDefault(verdict, 0));
        }
        byVerdict = Collections.unmodifiableMap(all);
    }

    /**
     * @param verdict a verdict
     * @return how many workloads got it
     */
    public int count(Verdict verdict) {
        return byVerdict.get(verdict);
    }
}
