package org.netnslab.web;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.LessonFormatException;
import org.netnslab.lessons.LessonLoader;

/**
 * A teacher's folder of lessons: every {@code *.md} file in it, in the order of their names, each named by its
 * file's name without {@code .md}. The folder is looked at again whenever it is asked, and a file is read again
 * when it changed (its time or its size), so that an edit shows on the next page load. A file that does not read
 * as a lesson is kept with its problems, at their lines, for the teacher to see.
 */
final class LessonFolder {

    /** A file of the folder: its lesson, or what is wrong with it. */
    record Entry(String id, Path file, Optional<Lesson> lesson, List<LessonFormatException.Problem> problems) {}

    private record Read(long modified, long size, Entry entry) {}

    private final Path dir;
    private final Map<Path, Read> read = new HashMap<>();

    LessonFolder(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Whether the folder is there to be read; what {@code --lessons DIR} checks before it serves. */
    boolean readable() {
        return Files.isDirectory(dir) && Files.isReadable(dir);
    }

    /** Every lesson file of the folder as it is now. */
    synchronized List<Entry> entries() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "*.md")) {
            for (Path f : found) {
                if (Files.isRegularFile(f)) {
                    files.add(f);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        List<Entry> entries = new ArrayList<>();
        Map<Path, Read> kept = new HashMap<>();
        for (Path f : files) {
            Read r = read(f);
            kept.put(f, r);
            entries.add(r.entry());
        }
        read.keySet().retainAll(kept.keySet());
        read.putAll(kept);
        return entries;
    }

    /** The lessons of the folder that read. */
    List<Lesson> lessons() {
        return entries().stream().flatMap(e -> e.lesson().stream()).toList();
    }

    /** A file of the folder by its id, read or not. */
    Optional<Entry> entry(String id) {
        return entries().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    private Read read(Path f) {
        String name = f.getFileName().toString();
        String id = name.substring(0, name.length() - ".md".length());
        long modified;
        long size;
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            modified = a.lastModifiedTime().toMillis();
            size = a.size();
        } catch (IOException e) {
            return new Read(-1, -1, broken(id, f, 0, "cannot read the file: " + e.getMessage()));
        }
        Read known = read.get(f);
        if (known != null && known.modified() == modified && known.size() == size) {
            return known;
        }
        Entry entry;
        try {
            entry = new Entry(id, f, Optional.of(LessonLoader.load(f)), List.of());
        } catch (LessonFormatException e) {
            entry = new Entry(id, f, Optional.empty(), List.copyOf(e.problems()));
        } catch (NoSuchFileException e) {
            entry = broken(id, f, 0, "the file is gone");
        } catch (IOException e) {
            entry = broken(id, f, 0, "cannot read the file: " + e.getMessage());
        }
        return new Read(modified, size, entry);
    }

    private static Entry broken(String id, Path f, int line, String message) {
        return new Entry(id, f, Optional.empty(), List.of(new LessonFormatException.Problem(line, message)));
    }
}
