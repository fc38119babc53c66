package org.netnslab.core.command;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.SegmentJourney;

/**
 * What a command printed (stdout and stderr, in the order a terminal shows them) and its exit status.
 * The output is empty or ends with a newline.
 *
 * @param ping for a ping that sent anything, its probes with their journeys, to draw or to trace
 * @param segments for nc, the TCP segments it sent and what answered them, hop by hop, when the backend can
 *     tell (the simulator can)
 * @param stdout when the tool said which part of its output it wrote on stdout (tcpdump writes its packets
 *     there, between what it says on stderr before and after): that part, found in {@code output} as it is;
 *     otherwise empty, and a shell takes a success's output for stdout, a failure's for stderr
 */
public record CommandResult(String output, int exitStatus, Optional<PingResult> ping, List<SegmentJourney> segments,
        Optional<String> stdout) {

    public static final CommandResult OK = new CommandResult("", 0);

    public CommandResult {
        segments = List.copyOf(segments);
    }

    public CommandResult(String output, int exitStatus, Optional<PingResult> ping, List<SegmentJourney> segments) {
        this(output, exitStatus, ping, segments, Optional.empty());
    }

    /** The same result, saying which part of its output went to stdout (see {@link #stdout}). */
    public CommandResult withStdout(String part) {
        return new CommandResult(output, exitStatus, ping, segments, Optional.of(part));
    }

    public CommandResult(String output, int exitStatus, Optional<PingResult> ping) {
        this(output, exitStatus, ping, List.of());
    }

    public CommandResult(String output, int exitStatus) {
        this(output, exitStatus, Optional.empty());
    }

    /** The same result, with the journeys of the segments that made it. */
    public CommandResult withSegments(List<SegmentJourney> journeys) {
        return new CommandResult(output, exitStatus, ping, journeys, stdout);
    }

    public static CommandResult of(String output, int exitStatus) {
        return new CommandResult(output.isEmpty() || output.endsWith("\n") ? output : output + "\n", exitStatus);
    }

    /** A line of netns-lab's own, marked so, never to be taken for a tool's. */
    public static CommandResult netnsLab(String sentence, int exitStatus) {
        return of("netns-lab: " + sentence + ".", exitStatus);
    }

    /** The same result, with a line of netns-lab's own under what the tool printed (see {@link #netnsLab}). */
    public CommandResult withNote(String sentence) {
        return new CommandResult(output + netnsLab(sentence, exitStatus).output(), exitStatus, ping, segments);
    }

    public static CommandResult error(String line, int exitStatus) {
        return of(line, exitStatus);
    }

    public boolean ok() {
        return exitStatus == 0;
    }
}
