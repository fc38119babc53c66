package org.netnslab.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.LessonFormatException;
import org.netnslab.lessons.Lessons;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netns-lab export LESSON}: the lesson as a bash script for a real Linux machine ({@link LessonExport}). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Prints a bash script that runs a lesson on a real Linux machine with the real tools.",
            "Step by step: each command and what it printed, then each expectation as a shell test that says",
            "whether it holds. A cleanup on exit deletes what the script made and puts back what it changed.",
            "Run it as root:  netns-lab export 1 > lesson-1.sh && sudo bash lesson-1.sh"})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "LESSON",
            description = "A lesson's id (see 'netns-lab lessons') or the path of a lesson's Markdown file.")
    String lesson;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Lesson l;
        try {
            l = Lessons.open(lesson);
        } catch (LessonFormatException e) {
            e.problems().forEach(p -> err.println("netns-lab: " + lesson + (p.line() > 0 ? ":" + p.line() : "") + ": "
                    + p.message()));
            err.flush();
            return LessonCommands.UNUSABLE;
        } catch (Lessons.NoSuchLessonException e) {
            err.println("netns-lab: " + e.getMessage());
            err.flush();
            return LessonCommands.UNUSABLE;
        } catch (IOException e) {
            err.println("netns-lab: cannot read " + lesson + ": " + e.getMessage());
            err.flush();
            return LessonCommands.UNUSABLE;
        }
        out.print(LessonExport.script(l));
        out.flush();
        return 0;
    }
}
