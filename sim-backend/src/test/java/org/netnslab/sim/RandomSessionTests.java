package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.shell.Transcript;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NatTable;
import org.netnslab.core.testkit.RandomSessions;

/**
 * Random learner sessions on the simulator, seeded, held to what must hold whatever a learner types: no
 * fault of netns-lab, one exit status per command, a command that fails changes nothing, every view of every
 * namespace renders at the end, and the same session gives the same transcript twice.
 */
class RandomSessionTests {

    /** Seeds tried, in order; the run stops early, saying so, once its time is up. */
    private static final int SESSIONS = 400;
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(20);

    @Test
    void randomSessionsKeepEveryInvariant() {
        long start = System.nanoTime();
        int ran = 0;
        int commands = 0;
        List<String> broken = new ArrayList<>();
        for (long seed = 1; seed <= SESSIONS && System.nanoTime() - start < BUDGET_NANOS; seed++) {
            List<String> session = RandomSessions.session(seed);
            String first = run(seed, session, broken);
            assertThat(run(seed, session, new ArrayList<>())).as("session %d, run twice", seed).isEqualTo(first);
            ran++;
            commands += session.size();
        }
        System.out.printf("random sessions: %d sessions, %d commands, in %d ms%n", ran, commands,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        assertThat(broken).as("invariants broken").isEmpty();
        assertThat(ran).as("sessions run in the time given").isGreaterThanOrEqualTo(50);
    }

    /** Runs one session on a fresh lab; says in {@code broken} what did not hold; returns the transcript. */
    private static String run(long seed, List<String> session, List<String> broken) {
        StringBuilder transcript = new StringBuilder();
        try (SimBackend lab = new SimBackend(seed)) {
            LabWorld.build(lab);
            Terminal t = new Terminal(lab);
            for (String line : session) {
                LabState before = configuration(lab.snapshot());
                CommandResult r = t.run(line);
                String where = "seed " + seed + ", `" + line + "`";
                transcript.append(Transcript.entry(line, r));
                if (r.output().contains("a fault of netns-lab")) {
                    broken.add(where + ": " + r.output().strip());
                }
                if (r.exitStatus() < 0 || r.exitStatus() > 255) {
                    broken.add(where + ": exit status " + r.exitStatus());
                }
                if (!r.ok() && changesNothingWhenItFails(line) && !configuration(lab.snapshot()).equals(before)) {
                    broken.add(where + ": failed with " + r.exitStatus() + " (" + r.output().strip()
                            + ") but changed the lab");
                }
            }
            List<String> everywhere = new ArrayList<>(lab.namespaces());
            everywhere.add(0, Backend.HOST);
            for (String ns : everywhere) {
                String in = ns.equals(Backend.HOST) ? "" : "ip netns exec " + ns + " ";
                for (String view : List.of("ip a", "ip link", "ip route", "ip -br a", "ip netns", "iptables -t nat -S")) {
                    CommandResult r = t.run(in + view);
                    if (!r.ok()) {
                        broken.add("seed " + seed + ", at the end, `" + in + view + "`: " + r.output().strip());
                    }
                }
            }
        } catch (Exception e) {
            broken.add("seed " + seed + ": " + e);
        }
        return transcript.toString();
    }

    /**
     * Every command but two: {@code ping} fails with 1 when no reply comes, yet its probes counted; and
     * {@code ip link set DEV master X} takes DEV off its old bridge before X may refuse it
     * ({@code do_set_master}), as the kernel does.
     */
    private static boolean changesNothingWhenItFails(String line) {
        return !line.contains("ping") && !line.contains(" master ");
    }

    /**
     * What a lab is configured to be, without its counters, which traffic moves, and without the netns ids:
     * the tools' own look-ups before a refusal (does the device exist?) read a whole namespace here, which
     * numbers its veths' peers as a dump does, where the real tools look up one name (issue 8, open).
     */
    private static LabState configuration(LabState s) {
        List<NamespaceState> all = new ArrayList<>();
        for (NamespaceState n : s.all()) {
            NatTable nat = new NatTable(n.nat().rules().stream().map(r -> new NatTable.Entry(r, null)).toList(),
                    List.of());
            all.add(new NamespaceState(n.name(), n.links(), n.addresses(), n.routes(), n.ipForward(), nat,
                    Map.of()));
        }
        return new LabState(s.namespaces(), all);
    }
}
