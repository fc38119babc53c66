package org.netnslab.bench;

import java.util.List;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.sim.SimBackend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The simulator's figures, in JMH: each invocation builds the whole bridge lab on a fresh lab, as typed into
 * its terminal, or sends a ping from every namespace to the next on a lab just built. Single shots: a lab is
 * built once, as a learner's script builds it.
 */
public class SimBenchmarks {

    private static final long SEED = 0x6e65746e73L;

    static Terminal freshLab() {
        SimBackend backend = new SimBackend(SEED);
        try {
            LabWorld.build(backend);
        } catch (KernelException e) {
            throw new IllegalStateException("the lab world did not build: " + e.getMessage(), e);
        }
        return new Terminal(backend);
    }

    /** Runs every line; a line that fails makes the figure meaningless, so it stops the benchmark. */
    static Terminal run(Terminal t, List<String> lines) {
        for (String line : lines) {
            CommandResult r = t.run(line);
            if (r.exitStatus() != 0) {
                throw new IllegalStateException("'" + line + "' failed (" + r.exitStatus() + "): " + r.output());
            }
        }
        return t;
    }

    @State(Scope.Thread)
    public static class Build {
        @Param("1000")
        public int namespaces;

        List<String> lines;
        Terminal terminal;

        @Setup(Level.Trial)
        public void lines() {
            lines = BridgeLab.terminalLines(namespaces);
        }

        @Setup(Level.Invocation)
        public void lab() {
            terminal = freshLab();
        }
    }

    @Benchmark
    public Terminal buildLab(Build s) {
        return run(s.terminal, s.lines);
    }

    @State(Scope.Thread)
    public static class Pings {
        @Param("1000")
        public int namespaces;

        @Param("1000")
        public int pings;

        List<String> lines;
        Terminal terminal;

        @Setup(Level.Trial)
        public void lines() {
            lines = BridgeLab.pingLines(namespaces, pings);
        }

        @Setup(Level.Iteration)
        public void lab() {
            terminal = run(freshLab(), BridgeLab.terminalLines(namespaces));
        }
    }

    @Benchmark
    public Terminal pingAcross(Pings s) {
        return run(s.terminal, s.lines);
    }
}
