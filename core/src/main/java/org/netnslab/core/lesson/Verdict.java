package org.netnslab.core.lesson;

import java.util.Optional;
import org.netnslab.core.backend.PingResult;

/**
 * An expectation, checked.
 *
 * @param observed what the lab showed, in a few words ({@code reply from 10.0.0.1, ttl 64},
 *     {@code connect: Network is unreachable}, {@code no route 10.0.0.0/24})
 * @param ping for a reachability expectation, the probe the runner sent to check it (not in the transcript)
 */
public record Verdict(Expectation expectation, boolean passed, String observed, Optional<PingResult> ping) {

    public static Verdict of(Expectation expectation, boolean passed, String observed) {
        return new Verdict(expectation, passed, observed, Optional.empty());
    }
}
