package org.netnslab.core.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * A step's commands as another learner would type them, to the same end: without {@code sudo}, with
 * {@code ip -n NS} where the lesson says {@code ip netns exec NS ip} and the other way round, {@code address}
 * for {@code addr}, {@code dev} before a link's name, and links brought up before their addresses are given.
 */
final class Rewrites {

    private Rewrites() {}

    static List<String> of(List<String> commands) {
        List<String> out = new ArrayList<>(commands.stream().map(Rewrites::line).toList());
        upBeforeAddresses(out);
        return out;
    }

    static String line(String command) {
        String s = command.startsWith("sudo ") ? command.substring("sudo ".length()) : command;
        String[] w = s.split("\\s+");
        if (w.length > 4 && w[0].equals("ip") && w[1].equals("netns") && w[2].equals("exec") && w[4].equals("ip")) {
            s = "ip -n " + w[3] + " " + String.join(" ", List.of(w).subList(5, w.length));
        } else if (w.length > 3 && w[0].equals("ip") && w[1].equals("-n")) {
            s = "ip netns exec " + w[2] + " ip " + String.join(" ", List.of(w).subList(3, w.length));
        }
        s = s.replaceFirst("^(ip (?:-n \\S+ |netns exec \\S+ ip )?)addr ", "$1address ");
        s = s.replaceFirst("^(ip (?:-n \\S+ |netns exec \\S+ ip )?link set )(?!dev )(\\S+ (?:up|down))$", "$1dev $2");
        return s;
    }

    /** Within a run of address and link-up commands, the links come up first: either order works. */
    private static void upBeforeAddresses(List<String> lines) {
        int i = 0;
        while (i < lines.size()) {
            int j = i;
            while (j < lines.size() && (isUp(lines.get(j)) || isAddress(lines.get(j)))) {
                j++;
            }
            if (j > i + 1) {
                List<String> run = new ArrayList<>(lines.subList(i, j));
                List<String> sorted = new ArrayList<>(run.stream().filter(Rewrites::isUp).toList());
                sorted.addAll(run.stream().filter(Rewrites::isAddress).toList());
                for (int k = 0; k < sorted.size(); k++) {
                    lines.set(i + k, sorted.get(k));
                }
            }
            i = Math.max(j, i + 1);
        }
    }

    private static boolean isUp(String line) {
        return line.matches("ip .*link set .* up");
    }

    private static boolean isAddress(String line) {
        return line.matches("ip .*address add .*");
    }
}
