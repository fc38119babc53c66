package org.netnslab.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netnslab.core.lesson.ChatLine;
import org.netnslab.core.lesson.Expectation;
import org.netnslab.core.lesson.Expectations;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.Step;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.core.ping.Ping;

/**
 * {@code netns-lab export LESSON}: a lesson as a bash script for a real Linux machine, run as root with the real
 * tools. Step by step it prints each command as typed ({@code $ COMMAND}), what it printed and its exit status
 * ({@code [rc=N]}), as the recorder does; then each of the step's expectations as a shell test, {@code [holds]}
 * or {@code [does not hold]}. A trap on EXIT deletes the namespaces and links the script made and puts back the
 * sysctls and iptables rules it changed, whatever stopped it.
 *
 * <p>The lab's host has the lab's world: its {@code eth0} and the "internet" behind it. In a bare network
 * namespace (no {@code eth0}, no default route) the script builds that world first. On a machine with a network
 * of its own, a lesson that does not name the world runs as it is, and one that does (its {@code eth0}, its
 * addresses) runs in a network namespace of its own, so that the machine's own network is never touched.
 */
final class LessonExport {

    private static final Pattern SYSCTL_WRITE = Pattern.compile("(?:sysctl\\s+(?:-q\\s+)?-w\\s+|sysctl\\s+)"
            + "([a-z0-9_.]+)=|>\\s*/proc/sys/([a-z0-9_/]+)");
    private static final Pattern SETTLES = Pattern.compile("\\sset\\s.*\\s(up|down|netns|master)(\\s|$)");
    private static final Pattern WORLD = Pattern.compile("(?<![\\w-])eth0(?![\\w-])|203\\.0\\.113\\.|198\\.51\\.100\\.");

    private LessonExport() {}

    static String script(Lesson lesson) {
        StringBuilder sb = new StringBuilder();
        boolean world = needsWorld(lesson);
        sb.append("#!/bin/bash\n");
        sb.append("# netns-lab export ").append(lesson.id()).append(": ").append(lesson.title()).append('\n');
        sb.append("# The lesson's commands on this machine's real kernel and tools, step by step, each step's\n");
        sb.append("# expectations as shell tests; a cleanup on exit deletes what it made and puts back what it\n");
        sb.append("# changed. Run it as root on Linux (Debian 12: apt-get install iproute2 iptables iputils-ping\n");
        sb.append("# procps netcat-openbsd):  sudo bash lesson-").append(lesson.id()).append(".sh\n");
        if (world) {
            sb.append("# This lesson uses the lab's world: the host's eth0 (203.0.113.2/24) and the internet behind\n");
            sb.append("# it (198.51.100.8). On a machine with an eth0 or a default route of its own, the script\n");
            sb.append("# runs in a network namespace of its own, so that the machine's network is not touched.\n");
        }
        sb.append(PRELUDE);
        sb.append("needs_world=").append(world ? 1 : 0).append('\n');
        sb.append(WORLD_SETUP);
        sb.append(SNAPSHOT);
        for (String key : sysctlKeys(lesson)) {
            sb.append("remember_sysctl ").append(q(key)).append('\n');
        }
        sb.append("trap cleanup EXIT\n");
        sb.append("[ \"$own_network\" = 1 ] || make_world\n");
        int number = 0;
        for (Step step : lesson.steps()) {
            number++;
            sb.append('\n');
            sb.append("step ").append(number).append(' ').append(lesson.steps().size()).append(' ')
                    .append(q(step.title())).append('\n');
            commands(sb, step.commands());
            if (!step.expectations().isEmpty()) {
                sb.append("echo \"What you should see:\"\n");
            }
            for (Expectation e : step.expectations()) {
                sb.append("check ").append(q(e.text())).append(' ').append(test(e)).append('\n');
            }
        }
        sb.append("\nfinish\n");
        return sb.toString();
    }

    private static boolean needsWorld(Lesson lesson) {
        for (Step s : lesson.steps()) {
            for (String c : s.commands()) {
                if (WORLD.matcher(c).find()) {
                    return true;
                }
            }
            for (Expectation e : s.expectations()) {
                if (WORLD.matcher(e.text()).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The keys the host's commands write: put back at the end. */
    private static Set<String> sysctlKeys(Lesson lesson) {
        Set<String> keys = new LinkedHashSet<>();
        for (Step s : lesson.steps()) {
            for (String c : s.commands()) {
                Matcher m = SYSCTL_WRITE.matcher(c);
                while (m.find()) {
                    keys.add(m.group(1) != null ? m.group(1) : m.group(2).replace('/', '.'));
                }
            }
        }
        return keys;
    }

    /** A step's commands: as typed, in the shell they were typed at; a chat's two windows as two nc. */
    private static void commands(StringBuilder sb, List<String> commands) {
        Deque<String> shells = new ArrayDeque<>();
        boolean chatting = false;
        for (int i = 0; i < commands.size(); i++) {
            String typed = commands.get(i);
            Optional<ChatLine> chat = ChatLine.parse(typed);
            if (chat.isPresent()) {
                ChatLine c = chat.get();
                if (!chatting) {
                    sb.append("chat_begin\n");
                    chatting = true;
                }
                sb.append(c.command() ? "chat_run " : "chat_say ").append(q(c.namespace())).append(' ')
                        .append(q(c.text())).append('\n');
                continue;
            }
            if (chatting) {
                sb.append("chat_end\n");
                chatting = false;
            }
            String line = typed.strip();
            String bare = line.startsWith("sudo ") ? line.substring(5).strip() : line;
            Matcher enter = Pattern.compile("ip netns exec (\\S+) (bash|sh)").matcher(bare);
            if (enter.matches()) {
                sb.append("say ").append(q(typed)).append(' ')
                        .append(q("a shell in " + enter.group(1) + ": what follows runs there, until exit")).append('\n');
                shells.push(enter.group(1));
                continue;
            }
            if (bare.equals("exit") && !shells.isEmpty()) {
                sb.append("say ").append(q(typed)).append(' ').append(q("back to the shell before")).append('\n');
                shells.pop();
                continue;
            }
            String run = withCount(line);
            if (!shells.isEmpty()) {
                run = "ip netns exec " + shells.peek() + " " + run;
            }
            sb.append("run ").append(q(typed)).append(' ').append(q(run)).append('\n');
            boolean nextSettles = i + 1 < commands.size() && SETTLES.matcher(commands.get(i + 1)).find();
            if (SETTLES.matcher(line).find() && !nextSettles) {
                // as the recorder does: links get their carrier, a bridge's ports forward
                sb.append("settle\n");
            }
        }
        if (chatting) {
            sb.append("chat_end\n");
        }
    }

    /**
     * A ping without {@code -c} runs until Ctrl-C on a real machine; the lab stops it after
     * {@link Ping#PING_COUNT_WITHOUT_C}, as the tutorials' authors did.
     */
    private static String withCount(String line) {
        String tool = Metrics.tool(line);
        if (!tool.equals("ping")) {
            return line;
        }
        for (String w : line.split("\\s+")) {
            if (w.startsWith("-c") || w.startsWith("-w") || w.matches("-[a-zA-Z]*c")) {
                return line;
            }
        }
        return line + " -c " + Ping.PING_COUNT_WITHOUT_C;
    }

    /** An expectation as a call of the script's own tests. */
    static String test(Expectation e) {
        if (e instanceof Expectation.Reaches r) {
            return "reaches " + ns(r.namespace()) + " " + r.destination() + " " + q(r.ttl().map(String::valueOf).orElse(""));
        } else if (e instanceof Expectation.DoesNotReach r) {
            return "not reaches " + ns(r.namespace()) + " " + r.destination() + " ''";
        } else if (e instanceof Expectation.HasRoute r) {
            return "has_route " + ns(r.namespace()) + " " + prefix(r.destination()) + " "
                    + q(r.via().map(String::valueOf).orElse("")) + " " + q(r.device().orElse(""));
        } else if (e instanceof Expectation.HasNoRoute r) {
            return "not has_route " + ns(r.namespace()) + " " + prefix(r.destination()) + " '' ''";
        } else if (e instanceof Expectation.HasAddress a) {
            return "has_address " + ns(a.namespace()) + " " + a.address() + " "
                    + q(a.prefixLength().map(String::valueOf).orElse("")) + " " + q(a.device().orElse(""));
        } else if (e instanceof Expectation.HasNoAddress a) {
            return "not has_address " + ns(a.namespace()) + " " + a.address() + " "
                    + q(a.prefixLength().map(String::valueOf).orElse("")) + " ''";
        } else if (e instanceof Expectation.HasLink l) {
            return "has_link " + ns(l.namespace()) + " " + q(l.device()) + " "
                    + q(l.state().map(String::valueOf).orElse("")) + " " + q(l.master().orElse(""));
        } else if (e instanceof Expectation.HasNoLink l) {
            return "not has_link " + ns(l.namespace()) + " " + q(l.device()) + " '' ''";
        } else if (e instanceof Expectation.Forwarding f) {
            return (f.on() ? "" : "not ") + "forwards " + ns(f.namespace());
        } else if (e instanceof Expectation.OutputContains o) {
            return (o.present() ? "" : "not ") + "output_contains " + q(o.fragment());
        } else if (e instanceof Expectation.Receives r) {
            return (r.present() ? "" : "not ") + "receives " + ns(r.namespace()) + " " + q(r.fragment());
        }
        throw new IllegalArgumentException("no shell test for " + e.text());
    }

    private static String ns(String labName) {
        return q(Expectations.nsName(labName));
    }

    private static String prefix(Ipv4Cidr p) {
        return p.address() + "/" + p.prefixLength();
    }

    /** A word for bash, single-quoted. */
    static String q(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static final String PRELUDE = """
            set -u
            if [ "$(id -u)" != 0 ]; then echo "netns-lab: this script needs root: sudo bash $0" >&2; exit 2; fi
            for t in ip ping sysctl iptables iptables-save nc unshare nsenter; do
              command -v "$t" >/dev/null || { echo "netns-lab: $t is missing (Debian: apt-get install iproute2 iptables iputils-ping procps netcat-openbsd util-linux)" >&2; exit 2; }
            done
            sudo() { "$@"; }
            held=0; failed=0; upstream=""; chat_pids=""
            ns() { local n=$1; shift; if [ "$n" = host ]; then "$@"; else ip netns exec "$n" "$@"; fi; }
            step() { : > "$work/output"; echo; echo "## Step $1 of $2: $3"; echo; }
            say() { echo "\\$ $1"; echo "# $2"; }
            run() {
              echo "\\$ $1"
              eval "$2" > "$work/cmd" 2>&1 < /dev/null; local rc=$?
              cat "$work/cmd"; cat "$work/cmd" >> "$work/output"; echo "[rc=$rc]"
            }
            settle() { sleep 1; }
            check() {
              local text=$1; shift
              if "$@" > /dev/null 2>&1; then echo "  [holds]          $text"; held=$((held + 1))
              else echo "  [does not hold]  $text"; failed=$((failed + 1)); fi
            }
            not() { ! "$@"; }
            reaches() { ns "$1" ping -c 1 -W 1 "$2" > "$work/ping" 2>&1 && { [ -z "$3" ] || grep -q " ttl=$3 " "$work/ping"; }; }
            has_route() {
              local r; r=$(ns "$1" ip route show table main exact "$2") || return 1
              [ -n "$r" ] && { [ -z "$3" ] || grep -q " via $3 " <<< "$r "; } && { [ -z "$4" ] || grep -q " dev $4 " <<< "$r "; }
            }
            has_address() {
              local a; a=$(ns "$1" ip -o -4 addr show ${4:+dev "$4"}) || return 1
              grep -q " inet $2/${3:-[0-9]*} " <<< "$a"
            }
            has_link() {
              local l; l=$(ns "$1" ip -o link show dev "$2" 2>/dev/null) || return 1
              { [ -z "$3" ] || grep -q " state $3 " <<< "$l"; } && { [ -z "$4" ] || grep -q " master $4 " <<< "$l"; }
            }
            forwards() { [ "$(ns "$1" sysctl -n net.ipv4.ip_forward)" != 0 ]; }
            output_contains() { grep -qF -- "$1" "$work/output"; }
            receives() { grep -qF -- "$2" "$work/chat-$1.out"; }
            chat_begin() { echo "# a chat between two windows: each line below is typed in the window of its namespace"; }
            chat_run() {
              echo "$1\\$ $2"
              local n=$1 cmd=$2
              rm -f "$work/chat-$n.in"; mkfifo "$work/chat-$n.in"; : > "$work/chat-$n.out"
              ip netns exec "$n" bash -c "$cmd" < "$work/chat-$n.in" > "$work/chat-$n.out" 2>&1 &
              chat_pids="$chat_pids $!"
              local v="fd_${n//[^a-zA-Z0-9_]/_}"
              eval "exec {$v}>\\"\\$work/chat-\\$n.in\\""
              sleep 1
            }
            chat_say() {
              echo "$1> $2"
              local v="fd_${1//[^a-zA-Z0-9_]/_}" fd; eval "fd=\\$$v"
              echo "$2" >&"$fd"
              sleep 1
              local other; for other in "$work"/chat-*.out; do [ "$other" = "$work/chat-$1.out" ] || cat "$other"; done | tail -n 1
            }
            chat_end() {
              local p; for p in $chat_pids; do kill "$p" 2>/dev/null; done
              for p in $chat_pids; do wait "$p" 2>/dev/null; done
              chat_pids=""
              local f; for f in "$work"/chat-*.out; do [ -f "$f" ] && cat "$f" >> "$work/output"; done
            }
            """;

    private static final String WORLD_SETUP = """
            own_network=0
            if ip link show eth0 > /dev/null 2>&1 || [ -n "$(ip route show default)" ]; then own_network=1; fi
            if [ "$own_network" = 1 ] && [ "$needs_world" = 1 ]; then
              if [ -n "${NETNS_LAB_PRIVATE:-}" ] || [ ! -f "$0" ]; then
                echo "netns-lab: this lesson needs a network without eth0 and default route of its own: save the script to a file and run it with bash FILE" >&2
                exit 2
              fi
              echo "# this machine has a network of its own: the lesson runs in a network namespace of its own"
              exec env NETNS_LAB_PRIVATE=1 unshare -n -m --propagation private bash -c 'mount -t tmpfs tmpfs /run && exec bash "$0"' "$0"
            fi
            make_world() {
              # the lab's world: the host's eth0 203.0.113.2/24, default via 203.0.113.1, and behind it a
              # namespace held by a process, not by a name, with 198.51.100.8 on its lo: "the internet"
              ip link set lo up
              unshare -n sleep infinity & upstream=$!
              sleep 0.5
              ip link add eth0 type veth peer name eth0 netns "$upstream"
              nsenter -t "$upstream" -n sh -c 'ip link set lo up && ip addr add 203.0.113.1/24 dev eth0 && ip addr add 198.51.100.8/32 dev lo && ip link set eth0 up'
              ip addr add 203.0.113.2/24 dev eth0
              ip link set eth0 up
              ip route add default via 203.0.113.1
              sleep 1
            }
            """;

    private static final String SNAPSHOT = """
            work=$(mktemp -d) || exit 2
            lo_was=$(ip -o link show dev lo | grep -q '[<,]UP[,>]' && echo up || echo down)
            ip netns list | awk '{print $1}' > "$work/netns-before"
            ip -o link show | awk -F': ' '{print $2}' | sed 's/@.*//' > "$work/links-before"
            iptables-save | grep -v '^#' > "$work/iptables-before"
            : > "$work/sysctl-before"
            remember_sysctl() { echo "$1=$(sysctl -n "$1")" >> "$work/sysctl-before"; }
            cleanup() {
              local n l t kv
              chat_end > /dev/null 2>&1
              for n in $(ip netns list | awk '{print $1}'); do
                grep -qxF "$n" "$work/netns-before" || ip netns del "$n"
              done
              for l in $(ip -o link show | awk -F': ' '{print $2}' | sed 's/@.*//'); do
                grep -qxF "$l" "$work/links-before" || ip link del "$l" 2> /dev/null
              done
              [ -n "$upstream" ] && kill "$upstream" 2> /dev/null
              while IFS= read -r kv; do sysctl -qw "$kv"; done < "$work/sysctl-before"
              if ! iptables-save | grep -v '^#' | cmp -s - "$work/iptables-before"; then
                for t in filter nat mangle raw security; do
                  grep -qx "\\*$t" "$work/iptables-before" && continue
                  iptables-save | grep -qx "\\*$t" || continue
                  iptables -t "$t" -F; iptables -t "$t" -X
                  command -v nft > /dev/null && nft delete table ip "$t" 2> /dev/null
                done
                [ -s "$work/iptables-before" ] && iptables-restore < "$work/iptables-before"
              fi
              [ "$lo_was" = down ] && ip link set lo down
              rm -rf "$work"
            }
            finish() {
              echo
              echo "End of the lesson: $held expectations hold, $failed do not."
              [ "$failed" = 0 ]
            }
            """;
}
