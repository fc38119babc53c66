package org.netnslab.web;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.lesson.Lesson;

/** The lessons the web app offers. */
interface Catalog {

    List<Lesson> lessons();

    default Optional<Lesson> lesson(String id) {
        return lessons().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** A teacher's lesson files that do not read as lessons, with their problems: none for the shipped ones. */
    default List<LessonFolder.Entry> broken() {
        return List.of();
    }
}
