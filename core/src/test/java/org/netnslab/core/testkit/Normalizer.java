package org.netnslab.core.testkit;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The normalizations of {@code shared/tools/normalize}, rule for rule: what differs between two correct
 * runs (MAC addresses, interface indexes, netns ids, IPv6 link-local addresses, timings) does not count.
 */
public final class Normalizer {

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES = List.of(
            rule("\\b(?!00:00:00:00:00:00|ff:ff:ff:ff:ff:ff)([0-9a-f]{2}:){5}[0-9a-f]{2}\\b", "MAC"),
            rule("(?m)^\\d+: ", "N: "),
            rule("@if\\d+", "@ifN"),
            rule("link-netnsid \\d+", "link-netnsid N"),
            rule("\\(id: \\d+\\)", "(id: N)"),
            rule("fe80::[0-9a-f:]+/64", "fe80::X/64"),
            rule("time=[0-9.]+ ms", "time=T ms"),
            rule("time \\d+ms", "time Tms"),
            rule("rtt min/avg/max/mdev = \\S+ ms", "rtt min/avg/max/mdev = T ms"),
            // the same fields in ip -c's colours and ip -j's JSON, and link-locals without their /64
            rule("(?<=\u001b\\[\\d\\dm)(?!00:00:00:00:00:00|ff:ff:ff:ff:ff:ff)([0-9a-f]{2}:){5}[0-9a-f]{2}\\b", "MAC"),
            rule("(?<![0-9a-f:])fe80::[0-9a-f]+(?::[0-9a-f]+)*", "fe80::X"),
            rule("\"(ifindex|link_index|link_netnsid)\":( ?)\\d+", "\"$1\":$2N"),
            rule("(?m)[ \\t]+$", ""));

    private Normalizer() {}

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex, Pattern.MULTILINE), replacement);
    }

    public static String normalize(String text) {
        String t = text.replace("\r", "");
        for (Rule r : RULES) {
            t = r.pattern().matcher(t).replaceAll(r.replacement());
        }
        return t.lines().map(String::stripTrailing).collect(Collectors.joining("\n"))
                + (t.endsWith("\n") ? "\n" : "");
    }
}
