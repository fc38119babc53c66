package org.netnslab.lessons;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.InNamespace;
import org.netnslab.core.command.NotFound;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.lesson.ChatLine;
import org.netnslab.core.lesson.Expectation;
import org.netnslab.core.lesson.Expectations;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.LessonFormatException;
import org.netnslab.core.lesson.LessonFormatException.Problem;
import org.netnslab.core.lesson.Step;
import org.netnslab.core.shell.Bash;
import org.netnslab.core.shell.Transcript;

/**
 * Reads a lesson's Markdown file (the format of {@code lessons/README.md}): {@code # Title}, a summary
 * paragraph, a {@code Tutorial:} line, then one {@code ## } section a step, with its commands in {@code sh}
 * blocks, a chat between two windows in {@code chat} blocks, its expectations in {@code expect} blocks, and
 * its own hints for a learner who does it alone in {@code hint} blocks.
 * Every problem found is reported with its line.
 */
public final class LessonLoader {

    /** The info string of the blocks whose lines are run. */
    public static final String COMMANDS = "sh";
    /** The info string of the blocks whose lines are checked. */
    public static final String EXPECTATIONS = "expect";
    /** The info string of the blocks that script a chat between two windows ({@link ChatLine}). */
    public static final String CHAT = "chat";
    /** The info string of the blocks that hold a step's own hints, a paragraph each. */
    public static final String HINTS = "hint";
    /** The word that starts the line naming the tutorial. */
    public static final String TUTORIAL = "Tutorial:";

    private static final int MAX_BYTES = 1 << 20;

    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private LessonLoader() {}

    /** Reads a lesson from a file; its id is the file's name without {@code .md}. */
    public static Lesson load(Path file) throws IOException, LessonFormatException {
        if (Files.size(file) > MAX_BYTES) {
            throw new LessonFormatException(0, "the file is larger than 1 MiB: not a lesson");
        }
        String name = file.getFileName().toString();
        String id = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        return parse(id, decode(Files.readAllBytes(file)));
    }

    /** Decodes UTF-8 strictly: a lesson in another encoding is named as such, not read as garbage. */
    static String decode(byte[] bytes) throws LessonFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new LessonFormatException(0, "the file is not UTF-8 text");
        }
    }

    /** Parses a lesson's Markdown. */
    public static Lesson parse(String id, String markdown) throws LessonFormatException {
        return new Reader(markdown).read(id);
    }

    /** One pass over the document's top-level blocks. */
    private static final class Reader {
        private final String[] lines;
        private final Document document;
        private final List<Problem> problems = new ArrayList<>();

        private String title;
        private int titleLine;
        private String summary;
        private String tutorial;
        private final List<String> introduction = new ArrayList<>();
        private final List<StepDraft> steps = new ArrayList<>();
        private boolean contentBeforeTitleReported;

        Reader(String markdown) {
            String text = markdown.replace("\r\n", "\n").replace('\r', '\n');
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            this.lines = text.split("\n", -1);
            this.document = (Document) MARKDOWN.parse(text);
        }

        Lesson read(String id) throws LessonFormatException {
            for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
                block(n);
            }
            if (title == null) {
                problems.add(0, new Problem(1, "no title: a lesson starts with a line \"# Title\""));
            } else if (summary == null) {
                problems.add(new Problem(titleLine, "no summary: write a paragraph under the title that says what"
                        + " the lesson teaches"));
            }
            if (title != null && steps.isEmpty()) {
                problems.add(new Problem(lineCount(), "no steps: each step is a section that starts with"
                        + " \"## Step title\" and has its commands in a ```sh block"));
            }
            List<Step> built = new ArrayList<>();
            for (StepDraft d : steps) {
                if (d.commands.isEmpty()) {
                    problems.add(new Problem(d.line, "the step \"" + d.title + "\" has no commands: put them in a"
                            + " ```sh block, one a line"));
                }
                built.add(d.build());
            }
            if (!problems.isEmpty()) {
                problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
                throw new LessonFormatException(problems);
            }
            return new Lesson(id, title, summary, Optional.ofNullable(tutorial), String.join("\n\n", introduction),
                    built);
        }

        private void block(Node n) {
            int line = firstLine(n);
            if (n instanceof Heading h && h.getLevel() == 1) {
                if (title != null) {
                    problems.add(new Problem(line, "a second title: a lesson has one \"# Title\"; start a step with"
                            + " \"## \""));
                    return;
                }
                title = plainText(h);
                titleLine = line;
                if (title.isEmpty()) {
                    problems.add(new Problem(line, "the title is empty"));
                }
                return;
            }
            if (title == null) {
                if (!contentBeforeTitleReported) {
                    problems.add(new Problem(line, "a lesson starts with its title, a line \"# Title\""));
                    contentBeforeTitleReported = true;
                }
                return;
            }
            if (n instanceof Heading h && h.getLevel() == 2) {
                String stepTitle = plainText(h);
                if (stepTitle.isEmpty()) {
                    problems.add(new Problem(line, "a step without a title: write \"## What this step does\""));
                }
                steps.add(new StepDraft(stepTitle, line));
                return;
            }
            if (n instanceof FencedCodeBlock f && f.getClosingFenceLength() == null) {
                problems.add(new Problem(line, "this ``` block is never closed"));
                return;
            }
            if (steps.isEmpty()) {
                preamble(n, line);
            } else {
                step(steps.get(steps.size() - 1), n, line);
            }
        }

        private void preamble(Node n, int line) {
            if (n instanceof FencedCodeBlock f && (isInfo(f, COMMANDS) || isInfo(f, EXPECTATIONS) || isInfo(f, CHAT)
                    || isInfo(f, HINTS))) {
                problems.add(new Problem(line, "a ```" + info(f) + " block before the first step: commands,"
                        + " chats, expectations and hints belong to a step (\"## Step title\")"));
                return;
            }
            String source = source(n);
            if (n instanceof Paragraph && source.startsWith(TUTORIAL)) {
                if (tutorial != null) {
                    problems.add(new Problem(line, "a second \"" + TUTORIAL + "\" line"));
                }
                tutorial = source.substring(TUTORIAL.length()).strip();
            } else if (n instanceof Paragraph && summary == null) {
                summary = source;
            } else {
                introduction.add(source);
            }
        }

        private void step(StepDraft step, Node n, int line) {
            if (n instanceof FencedCodeBlock f && isInfo(f, COMMANDS)) {
                eachLine(f, line, (command, at) -> {
                    unknown(command).ifPresent(why -> problems.add(new Problem(at, why)));
                    step.commands.add(command);
                    step.commandLines.add(at);
                });
            } else if (n instanceof FencedCodeBlock f && isInfo(f, CHAT)) {
                eachLine(f, line, (text, at) -> {
                    Optional<ChatLine> chat = ChatLine.parse(text);
                    if (chat.isEmpty()) {
                        problems.add(new Problem(at, "a line of a chat is \"NS$ COMMAND\" (a command at a shell in"
                                + " NS) or \"NS> TEXT\" (a line typed into the nc that runs in NS), not \"" + text
                                + "\""));
                        return;
                    }
                    if (chat.get().command()) {
                        unknown(chat.get().text()).ifPresent(why -> problems.add(new Problem(at, why)));
                    }
                    step.commands.add(chat.get().written());
                    step.commandLines.add(at);
                });
            } else if (n instanceof FencedCodeBlock f && isInfo(f, EXPECTATIONS)) {
                eachLine(f, line, (text, at) -> {
                    try {
                        step.expectations.add(Expectations.parse(text));
                        step.expectationLines.add(at);
                    } catch (IllegalArgumentException e) {
                        problems.add(new Problem(at, "cannot read the expectation \"" + text + "\": "
                                + e.getMessage()));
                    }
                });
            } else if (n instanceof FencedCodeBlock f && isInfo(f, HINTS)) {
                List<String> hints = paragraphs(body(f));
                if (hints.isEmpty()) {
                    problems.add(new Problem(line, "this ```hint block is empty: write a hint a paragraph, blank lines"
                            + " between them"));
                }
                step.hints.addAll(hints);
            } else {
                step.explanation.add(source(n));
            }
        }

        /** The paragraphs of a block, blank lines between them, each kept as its lines. */
        private static List<String> paragraphs(List<String> body) {
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String l : body) {
                if (l.isBlank()) {
                    if (current.length() > 0) {
                        out.add(current.toString());
                        current.setLength(0);
                    }
                } else {
                    current.append(current.length() > 0 ? "\n" : "").append(l.stripTrailing());
                }
            }
            if (current.length() > 0) {
                out.add(current.toString());
            }
            return out;
        }

        /** Each line of a fenced block that is not blank or a comment, stripped, with its line in the file. */
        private static void eachLine(FencedCodeBlock f, int fenceLine, java.util.function.ObjIntConsumer<String> each) {
            List<String> body = body(f);
            for (int i = 0; i < body.size(); i++) {
                String text = body.get(i).strip();
                if (Transcript.isCommand(text)) {
                    each.accept(text, fenceLine + 1 + i);
                }
            }
        }

        /** The lines between the fences, as typed. */
        private static List<String> body(FencedCodeBlock f) {
            String literal = f.getLiteral();
            if (literal.isEmpty()) {
                return List.of();
            }
            return List.of(literal.substring(0, literal.length() - (literal.endsWith("\n") ? 1 : 0)).split("\n", -1));
        }

        private static boolean isInfo(FencedCodeBlock f, String word) {
            return info(f).equals(word);
        }

        private static String info(FencedCodeBlock f) {
            String info = f.getInfo() == null ? "" : f.getInfo().strip();
            int space = info.indexOf(' ');
            return space < 0 ? info : info.substring(0, space);
        }

        /** The block's Markdown, as the teacher wrote it. */
        private String source(Node n) {
            List<SourceSpan> spans = n.getSourceSpans();
            if (spans.isEmpty()) {
                return "";
            }
            int first = spans.get(0).getLineIndex();
            int last = spans.get(spans.size() - 1).getLineIndex();
            StringBuilder sb = new StringBuilder();
            for (int i = first; i <= last && i < lines.length; i++) {
                if (i > first) {
                    sb.append('\n');
                }
                sb.append(lines[i]);
            }
            return sb.toString().strip();
        }

        private int lineCount() {
            int n = lines.length;
            while (n > 1 && lines[n - 1].isBlank()) {
                n--;
            }
            return n;
        }

        private static int firstLine(Node n) {
            List<SourceSpan> spans = n.getSourceSpans();
            return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
        }
    }

    /** Why the lab cannot run this command, if it cannot. */
    static Optional<String> unknown(String line) {
        if (line.startsWith("$ ") || line.startsWith("> ")) {
            return Optional.of("write the command without the prompt \"" + line.substring(0, 1) + "\": " + line);
        }
        if (ChatLine.parse(line).isPresent()) {
            return Optional.of("\"" + line + "\" is a line of a chat: it goes in a ```chat block");
        }
        return unknown(Bash.parse(line), line);
    }

    private static Optional<String> unknown(Command parsed, String line) {
        Command c = parsed instanceof InNamespace in ? in.command() : parsed;
        if (c instanceof NotFound nf) {
            return Optional.of("unknown command \"" + nf.word() + "\": a lab runs ip, ping, sysctl, iptables and nc"
                    + " (and bash and exit)");
        }
        if (c instanceof Unsupported u) {
            return Optional.of("\"" + line + "\": " + u.what() + " is not part of the lab");
        }
        return Optional.empty();
    }

    /** A heading's text without its Markdown. */
    static String plainText(Node node) {
        StringBuilder sb = new StringBuilder();
        appendText(node, sb);
        return sb.toString().strip();
    }

    private static void appendText(Node node, StringBuilder sb) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) {
                sb.append(t.getLiteral());
            } else if (c instanceof Code code) {
                sb.append(code.getLiteral());
            } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
                sb.append(' ');
            } else {
                appendText(c, sb);
            }
        }
    }

    /** A step while it is read. */
    private static final class StepDraft {
        final String title;
        final int line;
        final List<String> explanation = new ArrayList<>();
        final List<String> commands = new ArrayList<>();
        final List<Integer> commandLines = new ArrayList<>();
        final List<Expectation> expectations = new ArrayList<>();
        final List<Integer> expectationLines = new ArrayList<>();
        final List<String> hints = new ArrayList<>();

        StepDraft(String title, int line) {
            this.title = title;
            this.line = line;
        }

        Step build() {
            return new Step(title, String.join("\n\n", explanation), commands, expectations, hints,
                    new Step.Lines(line, commandLines, expectationLines));
        }
    }
}
