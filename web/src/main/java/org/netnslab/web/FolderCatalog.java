package org.netnslab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.lesson.Lesson;

/**
 * The lessons a server offers with a teacher's folder ({@code netns-lab web --lessons DIR}): the shipped ones,
 * then the folder's, or the folder's instead. The folder is read again on every page, so an edit shows at once;
 * a shipped lesson's id is not taken by a file of the folder.
 */
final class FolderCatalog implements Catalog {

    private final Catalog shipped;
    private final LessonFolder folder;
    private final boolean withShipped;

    FolderCatalog(Catalog shipped, LessonFolder folder, boolean withShipped) {
        this.shipped = shipped;
        this.folder = folder;
        this.withShipped = withShipped;
    }

    @Override
    public List<Lesson> lessons() {
        List<Lesson> all = new ArrayList<>();
        if (withShipped) {
            all.addAll(shipped.lessons());
        }
        for (Lesson l : folder.lessons()) {
            if (!withShipped || shipped.lesson(l.id()).isEmpty()) {
                all.add(l);
            }
        }
        return all;
    }

    @Override
    public Optional<Lesson> lesson(String id) {
        if (withShipped) {
            Optional<Lesson> l = shipped.lesson(id);
            if (l.isPresent()) {
                return l;
            }
        }
        return folder.entry(id).flatMap(LessonFolder.Entry::lesson);
    }

    @Override
    public List<LessonFolder.Entry> broken() {
        return folder.entries().stream().filter(e -> e.lesson().isEmpty()).toList();
    }
}
