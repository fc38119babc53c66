package org.netnslab.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.LessonFormatException;

/**
 * The lessons netns-lab ships, in order, from the Markdown files under {@code lessons/} on the class path.
 * A lesson's id is the number its file starts with ({@code 1}, {@code 8}); its file name without the number
 * ({@code a-namespace-and-the-host}) or with it names it too.
 */
public final class Lessons {

    /** The shipped files, in the order they are taught. */
    public static final List<String> FILES = List.of(
            "01-a-namespace-and-the-host.md",
            "02-two-namespaces-one-cable.md",
            "03-routing-through-the-host.md",
            "04-a-bridge-for-three.md",
            "05-nat-to-the-internet.md",
            "06-publish-a-port.md",
            "07-a-firewall-between-containers.md",
            "08-watch-the-packets.md",
            "09-two-nodes.md");

    private static final String DIR = "lessons/";

    private static volatile List<Lesson> all;

    private Lessons() {}

    /** Every shipped lesson, in order. */
    public static List<Lesson> all() {
        List<Lesson> lessons = all;
        if (lessons == null) {
            List<Lesson> read = new ArrayList<>();
            for (String file : FILES) {
                read.add(read(file));
            }
            lessons = List.copyOf(read);
            all = lessons;
        }
        return lessons;
    }

    /** A shipped lesson by its id ({@code 1}, {@code 01}), its slug, or its file name. */
    public static Optional<Lesson> find(String name) {
        for (int i = 0; i < FILES.size(); i++) {
            String file = FILES.get(i);
            String base = file.substring(0, file.length() - ".md".length());
            String slug = base.substring(base.indexOf('-') + 1);
            String number = base.substring(0, base.indexOf('-'));
            if (name.equals(idOf(file)) || name.equals(number) || name.equals(slug) || name.equals(base)
                    || name.equals(file)) {
                return Optional.of(all().get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * A shipped lesson by name, or else a lesson file at that path: what {@code netns-lab run LESSON} takes.
     *
     * @throws NoSuchLessonException when it is neither
     */
    public static Lesson open(String nameOrPath) throws IOException, LessonFormatException, NoSuchLessonException {
        Optional<Lesson> shipped = find(nameOrPath);
        if (shipped.isPresent()) {
            return shipped.get();
        }
        Path path;
        try {
            path = Path.of(nameOrPath);
        } catch (java.nio.file.InvalidPathException e) {
            throw new NoSuchLessonException(nameOrPath);
        }
        if (!Files.isRegularFile(path)) {
            throw new NoSuchLessonException(nameOrPath);
        }
        return LessonLoader.load(path);
    }

    /** Neither a shipped lesson's name nor a file. */
    public static final class NoSuchLessonException extends Exception {
        private static final long serialVersionUID = 1L;

        public NoSuchLessonException(String name) {
            super("no lesson \"" + name + "\": give a lesson's id (" + String.join(", ", FILES.stream()
                    .map(Lessons::idOf).toList()) + ", see 'netns-lab lessons') or the path of a lesson's Markdown file");
        }
    }

    /** A shipped lesson's id: the number its file name starts with, without leading zeros. */
    static String idOf(String file) {
        return String.valueOf(Integer.parseInt(file.substring(0, file.indexOf('-'))));
    }

    private static Lesson read(String file) {
        String id = idOf(file);
        try (InputStream in = Lessons.class.getClassLoader().getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("the lesson " + DIR + file + " is not on the class path");
            }
            return LessonLoader.parse(id, LessonLoader.decode(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LessonFormatException e) {
            // the shipped lessons are tested; a broken one is a build that should not have passed
            throw new IllegalStateException(DIR + file + ":\n" + e.getMessage(), e);
        }
    }
}
