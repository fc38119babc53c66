package org.netnslab.core.lesson;

import java.util.List;
import java.util.Optional;

/**
 * A {@code Check} of a step on the learner's lab: each goal with its verdict.
 *
 * @param step the step's number, from 1
 * @param findings one per expectation, in the step's order
 */
public record CheckResult(int step, List<Finding> findings) {

    public CheckResult {
        findings = List.copyOf(findings);
    }

    /** Every goal holds (a step without goals always does). */
    public boolean passed() {
        return findings.stream().allMatch(Finding::passed);
    }

    public Optional<Finding> firstFailure() {
        return findings.stream().filter(f -> !f.passed()).findFirst();
    }
}
