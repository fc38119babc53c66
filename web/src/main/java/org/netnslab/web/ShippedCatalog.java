package org.netnslab.web;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.lessons.Lessons;

/** The lessons that ship with netns-lab, read once at start. */
final class ShippedCatalog implements Catalog {

    private final List<Lesson> lessons;

    private ShippedCatalog(List<Lesson> lessons) {
        this.lessons = List.copyOf(lessons);
    }

    static ShippedCatalog load() {
        return new ShippedCatalog(Lessons.all());
    }

    @Override
    public List<Lesson> lessons() {
        return lessons;
    }

    @Override
    public Optional<Lesson> lesson(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
