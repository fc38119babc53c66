package org.netnslab.core.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.shell.Lexer.Kind;
import org.netnslab.core.shell.Lexer.Token;

/**
 * bash's grammar, as far as learners type it: a list of pipelines joined by {@code ; & && ||}, each a
 * pipeline of simple commands joined by {@code |}, each command its words and redirections. The whole line
 * is read before anything runs, as bash reads it, so a syntax error anywhere runs nothing. A line that is
 * one simple command is that command alone, as it always was.
 */
final class ShellSyntax {

    /** How the shell that reads the line words its errors: an interactive bash, or {@code bash -c}. */
    record Dialect(String syntaxPrefix, boolean echoesLine, String notFoundPrefix) {
        static final Dialect INTERACTIVE = new Dialect("bash: ", false, "bash: ");
        static final Dialect BASH_C = new Dialect("bash: -c: line 1: ", true, "bash: line 1: ");
    }

    private final List<Token> tokens;
    private final Function<List<String>, Command> program;
    private final Dialect dialect;
    private final String line;
    private int at;

    private ShellSyntax(String line, List<Token> tokens, Function<List<String>, Command> program, Dialect dialect) {
        this.line = line;
        this.tokens = tokens;
        this.program = program;
        this.dialect = dialect;
    }

    static Command parse(String line, Function<List<String>, Command> program, Dialect dialect) {
        List<Token> tokens;
        try {
            tokens = Lexer.lex(line);
        } catch (Lexer.SyntaxError e) {
            return new Invalid(dialect.syntaxPrefix + e.getMessage().substring("bash: ".length()), 2);
        }
        for (Token t : tokens) {
            if (t.kind() == Kind.UNSUPPORTED) {
                return new Unsupported("the shell's \"" + t.text() + "\"", List.of());
            }
        }
        if (tokens.isEmpty()) {
            return new Invalid("", 0);
        }
        return new ShellSyntax(line, tokens, program, dialect).list();
    }

    private Command list() {
        List<AndOrList.Item> items = new ArrayList<>();
        String before = ";";
        while (true) {
            if (at == tokens.size()) {
                break;
            }
            Token t = tokens.get(at);
            if (t.kind() == Kind.OPERATOR && !isRedirect(t.text())) {
                return near(t.text());
            }
            Command pipeline;
            try {
                pipeline = pipeline();
            } catch (Lexer.SyntaxError e) {
                return new Invalid(e.getMessage(), 2);
            }
            if (at == tokens.size()) {
                items.add(new AndOrList.Item(before, pipeline));
                break;
            }
            String op = tokens.get(at++).text();
            switch (op) {
                case ";" -> items.add(new AndOrList.Item(before, pipeline));
                case "&" -> items.add(new AndOrList.Item(before, new Background(pipeline)));
                case "&&", "||" -> {
                    items.add(new AndOrList.Item(before, pipeline));
                    if (at == tokens.size()) {
                        return endOfFile();
                    }
                }
                default -> {
                    return near(op);
                }
            }
            before = op.equals("&") ? ";" : op;
        }
        if (items.size() == 1 && items.get(0).pipeline() instanceof Pipeline p && p.stages().size() == 1
                && p.stages().get(0).redirects().isEmpty()) {
            return p.stages().get(0).command();
        }
        return items.size() == 1 ? items.get(0).pipeline() : new AndOrList(items);
    }

    private Command pipeline() {
        List<Pipeline.Stage> stages = new ArrayList<>();
        while (true) {
            stages.add(simpleCommand());
            if (at < tokens.size() && (tokens.get(at).is("|") || tokens.get(at).is("|&"))) {
                at++;
                if (at == tokens.size()) {
                    throw new Lexer.SyntaxError(((Invalid) endOfFile()).message());
                }
                continue;
            }
            return new Pipeline(stages);
        }
    }

    private Pipeline.Stage simpleCommand() {
        List<String> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        while (at < tokens.size()) {
            Token t = tokens.get(at);
            if (t.kind() == Kind.WORD) {
                words.add(t.text());
                at++;
            } else if (isRedirect(t.text())) {
                at++;
                if (t.text().equals(">&2")) {
                    redirects.add(new Redirect(">&2", ""));
                    continue;
                }
                if (at == tokens.size() || tokens.get(at).kind() != Kind.WORD) {
                    throw new Lexer.SyntaxError(nearText(at == tokens.size() ? "newline" : tokens.get(at).text()));
                }
                String target = tokens.get(at++).text();
                if (t.text().endsWith("&")) {
                    redirects.add(new Redirect(t.text() + target, ""));
                } else {
                    redirects.add(new Redirect(t.text(), target));
                }
            } else {
                break;
            }
        }
        if (words.isEmpty() && redirects.isEmpty()) {
            Token t = tokens.get(at);
            throw new Lexer.SyntaxError(nearText(t.text()));
        }
        Command command = words.isEmpty() ? new Invalid("", 0) : program.apply(words);
        return new Pipeline.Stage(command, redirects);
    }

    private static boolean isRedirect(String op) {
        return op.endsWith(">") || op.endsWith(">>") || op.endsWith(">&") || op.equals(">&2");
    }

    private Command near(String token) {
        return new Invalid(nearText(token), 2);
    }

    private String nearText(String token) {
        return dialect.syntaxPrefix + "syntax error near unexpected token `" + token + "'"
                + (dialect.echoesLine ? "\n" + dialect.syntaxPrefix + "`" + line + "'" : "");
    }

    private Command endOfFile() {
        String prefix = dialect.echoesLine ? dialect.syntaxPrefix.replace("line 1", "line 2") : dialect.syntaxPrefix;
        return new Invalid(prefix + "syntax error: unexpected end of file", 2);
    }
}
