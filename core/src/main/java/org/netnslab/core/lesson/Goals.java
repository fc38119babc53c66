package org.netnslab.core.lesson;

import java.util.List;
import org.netnslab.core.lesson.Expectation.DoesNotReach;
import org.netnslab.core.lesson.Expectation.Forwarding;
import org.netnslab.core.lesson.Expectation.HasAddress;
import org.netnslab.core.lesson.Expectation.HasLink;
import org.netnslab.core.lesson.Expectation.HasNoAddress;
import org.netnslab.core.lesson.Expectation.HasNoLink;
import org.netnslab.core.lesson.Expectation.HasNoRoute;
import org.netnslab.core.lesson.Expectation.HasRoute;
import org.netnslab.core.lesson.Expectation.OutputContains;
import org.netnslab.core.lesson.Expectation.Reaches;
import org.netnslab.core.lesson.Expectation.Receives;
import org.netnslab.core.model.OperState;

/**
 * A step's expectations in plain words, as the goal of a learner who does the step alone: what the lab must
 * show, never the commands that get it there. Names, addresses and texts are Markdown code spans.
 *
 * <pre>
 *   ns0 reaches 10.1.20.2 with ttl 63      `ns0` reaches `10.1.20.2`, with ttl 63
 *   host has no route 10.0.0.0/24          `host` has no route to `10.0.0.0/24`
 *   output contains "1 received"           a command you type prints a line with `1 received`
 * </pre>
 */
public final class Goals {

    private Goals() {}

    /** Each expectation of the step, in plain words, in the step's order. */
    public static List<String> of(Step step) {
        return step.expectations().stream().map(e -> of(e, step)).toList();
    }

    /** The expectation in plain words, as a goal of this step. */
    public static String of(Expectation e, Step step) {
        if (e instanceof OutputContains c && !c.present()) {
            return CommandKind.judged(step).map(k -> "The last " + code(k.words()) + " you type prints no line with "
                    + code(c.fragment())).orElseGet(() -> of(e));
        }
        return of(e);
    }

    public static String of(Expectation e) {
        if (e instanceof Reaches r) {
            return ns(r.namespace()) + " reaches " + code(r.destination()) + r.ttl().map(t -> ", with ttl " + t)
                    .orElse("");
        } else if (e instanceof DoesNotReach r) {
            return ns(r.namespace()) + " does not reach " + code(r.destination());
        } else if (e instanceof HasRoute r) {
            String to = r.destination().isDefault() ? "a default route" : "a route to "
                    + code(Expectations.prefix(r.destination()));
            return ns(r.namespace()) + " has " + to + r.via().map(v -> " via " + code(v)).orElse("")
                    + r.device().map(d -> " out of " + code(d)).orElse("");
        } else if (e instanceof HasNoRoute r) {
            return ns(r.namespace()) + " has " + (r.destination().isDefault() ? "no default route"
                    : "no route to " + code(Expectations.prefix(r.destination())));
        } else if (e instanceof HasAddress a) {
            return ns(a.namespace()) + " has the address " + code(a.address() + a.prefixLength().map(l -> "/" + l)
                    .orElse("")) + a.device().map(d -> " on " + code(d)).orElse("");
        } else if (e instanceof HasNoAddress a) {
            return ns(a.namespace()) + " has no address " + code(a.address() + a.prefixLength().map(l -> "/" + l)
                    .orElse(""));
        } else if (e instanceof HasLink l) {
            return ns(l.namespace()) + " has a link " + code(l.device()) + l.state().map(Goals::state).orElse("")
                    + l.master().map(m -> ", a port of the bridge " + code(m)).orElse("");
        } else if (e instanceof HasNoLink l) {
            return ns(l.namespace()) + " has no link " + code(l.device());
        } else if (e instanceof Forwarding f) {
            return ns(f.namespace()) + (f.on() ? " forwards packets" : " does not forward packets")
                    + " (" + code("net.ipv4.ip_forward") + (f.on() ? " is on)" : " is 0)");
        } else if (e instanceof OutputContains c) {
            return c.present() ? "A command you type prints a line with " + code(c.fragment())
                    : "The last command you type prints no line with " + code(c.fragment());
        } else if (e instanceof Receives r) {
            return "The nc in " + ns(r.namespace()) + (r.present() ? " prints " : " does not print ")
                    + code(r.fragment());
        }
        throw new IllegalStateException("unknown expectation " + e);
    }

    /**
     * What a learner needs to know to reach the goal that the goals do not say: for a step with a chat, how the
     * console types into the tutorial's second window.
     */
    public static List<String> notes(Step step) {
        if (!StepCommands.chats(step.commands())) {
            return List.of();
        }
        return List.of("This step is a chat between two windows. In your console, " + code("NS$ COMMAND")
                + " runs a command at a shell in the namespace NS, as in a second window, and " + code("NS> TEXT")
                + " types a line into the nc that runs in NS.");
    }

    private static String state(OperState s) {
        return switch (s) {
            case UP -> ", up";
            case DOWN -> ", down";
            case LOWERLAYERDOWN -> ", up but without a carrier (" + code("LOWERLAYERDOWN") + ")";
            case UNKNOWN -> ", in state " + code("UNKNOWN") + " (a loopback that is up)";
            default -> ", in state " + code(s.toString());
        };
    }

    private static String ns(String labName) {
        return code(Expectations.nsName(labName));
    }

    /** A Markdown code span that holds any text, backticks too. */
    static String code(Object value) {
        String text = String.valueOf(value);
        String fence = text.contains("`") ? "`` " : "`";
        return fence + text + (fence.length() > 1 ? " ``" : "`");
    }
}
