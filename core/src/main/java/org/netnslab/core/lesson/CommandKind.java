package org.netnslab.core.lesson;

import java.util.List;
import java.util.Optional;

/**
 * What kind of command a line is, wherever it runs: {@code ping}, {@code nc}, {@code ip netns list} (the
 * object and the verb, however abbreviated). A step's {@code output does not contain} is about what the
 * learner sees now, so in an exercise it looks at the last command of the kind the step ends with: the last
 * {@code ping} a learner typed, not a {@code vim} they tried after it.
 *
 * @param key the same for {@code ip a}, {@code ip -n blue address show} and {@code ip netns exec blue ip addr}
 * @param words how the step writes it, for the learner ({@code ip netns list})
 */
record CommandKind(String key, String words) {

    static Optional<CommandKind> of(String line) {
        Hints.Shape s = Hints.Shape.of(line);
        List<String> w = s.words();
        if (s.chatLine() || w.isEmpty() || List.of("exit", "bash", "sh").contains(w.get(0))) {
            return Optional.empty();
        }
        if (!w.get(0).equals("ip") || w.size() < 2) {
            return Optional.of(new CommandKind(w.get(0), w.get(0)));
        }
        // the output flags before the object (-br, -4, -j) do not change what the command is
        List<String> rest = w.subList(1, w.size()).stream().dropWhile(x -> x.startsWith("-")).toList();
        if (rest.isEmpty()) {
            return Optional.of(new CommandKind("ip", "ip"));
        }
        String object = Hints.object(rest.get(0));
        String written = rest.size() > 1 ? rest.get(1) : "";
        String verb = written.isEmpty() ? "show" : Hints.verb(written);
        boolean known = List.of("add", "del", "set", "get", "show").contains(verb);
        String key = "ip " + (object.isEmpty() ? rest.get(0) : object) + " " + (known ? verb : "show");
        String words = "ip " + rest.get(0) + (known && !written.isEmpty() && !written.startsWith("-") ? " " + written
                : "");
        return Optional.of(new CommandKind(key, words));
    }

    /** The kind of the last command of the step that prints what its negative output goals are about. */
    static Optional<CommandKind> judged(Step step) {
        List<String> commands = step.commands();
        for (int i = commands.size() - 1; i >= 0; i--) {
            Optional<CommandKind> k = of(commands.get(i));
            if (k.isPresent()) {
                return k;
            }
        }
        return Optional.empty();
    }

    /** The last of the outputs of this kind; the last of all when there is no kind. */
    static Optional<CommandOutput> last(List<CommandOutput> outputs, Optional<CommandKind> kind) {
        for (int i = outputs.size() - 1; i >= 0; i--) {
            CommandOutput o = outputs.get(i);
            String line = ChatLine.isPrompt(o.prompt()) ? o.prompt() + o.command() : o.command();
            if (kind.isEmpty() || of(line).map(k -> k.key().equals(kind.get().key())).orElse(false)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
