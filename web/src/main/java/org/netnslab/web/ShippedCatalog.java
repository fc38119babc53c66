package org.netnslab.web;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.lessons.Lessons;

/** The lessons that ship with netns-lab, read once at start. */
final class ShippedCatalog implements Catalog {

    private final CompletableFuture<List<Lesson>> lessons;

    private ShippedCatalog(CompletableFuture<List<Lesson>> lessons) {
        this.lessons = lessons;
    }

    static ShippedCatalog load() {
        return new ShippedCatalog(CompletableFuture.completedFuture(List.copyOf(Lessons.all())));
    }

    /** The lessons, read on a thread of their own from now on; asking for them waits until they are read. */
    static ShippedCatalog loading() {
        CompletableFuture<List<Lesson>> read = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                read.complete(List.copyOf(Lessons.all()));
            } catch (RuntimeException | Error e) {
                read.completeExceptionally(e);
            }
        }, "netns-lab-lessons");
        t.setDaemon(true);
        t.start();
        return new ShippedCatalog(read);
    }

    @Override
    public List<Lesson> lessons() {
        return lessons.join();
    }

    @Override
    public Optional<Lesson> lesson(String id) {
        return lessons().stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
