package org.netnslab.core.backend;

import java.util.List;

/**
 * What one TCP segment met on its way, and the segment that answered it (a SYN and its SYN-ACK or RST, data
 * and its ACK): like a ping probe's journey.
 *
 * @param segment the segment as tcpdump writes it: {@code 10.0.0.2.40000 > 10.0.0.1.8080: Flags [S], seq 0,
 *     length 0}
 * @param journey its hops and its answer's, in order; a drop says where and why
 */
public record SegmentJourney(String segment, List<Hop> journey) {

    public SegmentJourney {
        journey = List.copyOf(journey);
    }

    public boolean dropped() {
        return journey.stream().anyMatch(Hop::isDrop);
    }
}
