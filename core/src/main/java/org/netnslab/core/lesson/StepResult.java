package org.netnslab.core.lesson;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.model.LabState;

/**
 * A step, applied: what each command printed, the lab's state after it, what changed since the step
 * before, and each expectation's verdict.
 *
 * @param number the step's number, from 1
 * @param outputs one per command, in order
 * @param snapshot the state of every namespace once the commands have run (taken before the checks)
 * @param diff from the previous step's snapshot (or the fresh lab's, for step 1)
 * @param verdicts one per expectation, in the step's order
 */
public record StepResult(
        int number, Step step, List<CommandOutput> outputs, LabState snapshot, StateDiff diff, List<Verdict> verdicts) {

    public StepResult {
        outputs = List.copyOf(outputs);
        verdicts = List.copyOf(verdicts);
    }

    public boolean passed() {
        return verdicts.stream().allMatch(Verdict::passed);
    }

    public Optional<Verdict> firstFailure() {
        return verdicts.stream().filter(v -> !v.passed()).findFirst();
    }

    /** The step's commands and outputs as a terminal shows them. */
    public String transcript() {
        StringBuilder sb = new StringBuilder();
        outputs.forEach(o -> sb.append(o.transcript()));
        return sb.toString();
    }
}
