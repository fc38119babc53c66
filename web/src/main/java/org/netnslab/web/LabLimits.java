package org.netnslab.web;

import java.time.Duration;

/**
 * What one learner's lab may take, set by the operator ({@code netns-lab web --max-namespaces ...}): so that no
 * one learner can take a server down, a kernel server for a class above all. What goes past a limit is refused
 * whole, in one {@code netns-lab:} line, and the lab goes on.
 *
 * @param namespaces named namespaces a lab may have ({@code ip netns add})
 * @param links links in all of a lab's namespaces, its world's and each namespace's {@code lo} too
 * @param routes routes in all of a lab's namespaces' main tables, connected ones too
 * @param rules firewall rules a lab may add ({@code iptables -A}, {@code -I})
 * @param pingsPerCommand echo requests one command may send ({@code ping -c N})
 * @param commandsPerLab commands a lab's log may hold (a reset gives a fresh lab)
 * @param labsPerSession labs one browser session may hold at once; its least recently used goes first
 * @param idleKernelLab how long a kernel lab may go unused before it is closed and its namespaces freed
 */
record LabLimits(int namespaces, int links, int routes, int rules, int pingsPerCommand, int commandsPerLab,
        int labsPerSession, Duration idleKernelLab) {

    /** Enough for every lesson many times over; small enough for 30 kernel labs on one VM. */
    static final LabLimits DEFAULTS = new LabLimits(32, 128, 256, 64, 100, LabLog.MAX_ENTRIES, 12,
            Duration.ofMinutes(30));

    /** No limits but the log's own: what a lab had before an operator could set any. */
    static final LabLimits NONE = new LabLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, LabLog.MAX_ENTRIES, Integer.MAX_VALUE, Duration.ZERO);

    LabLimits {
        if (namespaces < 0 || links < 0 || routes < 0 || rules < 0 || pingsPerCommand < 1 || commandsPerLab < 1
                || labsPerSession < 1 || idleKernelLab.isNegative()) {
            throw new IllegalArgumentException("a limit is a number of at least 1 (0 for namespaces, links, routes"
                    + " and rules), and a time of at least 0");
        }
        commandsPerLab = Math.min(commandsPerLab, LabLog.MAX_ENTRIES);
    }
}
