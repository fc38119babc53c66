package org.netnslab.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.JourneyFormat;
import org.netnslab.core.lesson.CommandOutput;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.StepResult;
import org.netnslab.core.lesson.Verdict;
import org.netnslab.web.view.StatePanels;
import org.netnslab.web.view.Topology;

/**
 * The web app: the lessons, a stepper per lesson, and a console on the learner's own lab. Every browser
 * session has its own labs, found by an unguessable cookie; a lab is its log, which every page carries
 * back, so a reload or a restart restores it. An htmx request gets the fragment it replaces; the same pages
 * work as plain forms without JavaScript (post, then redirect).
 */
final class WebApp {

    static final String SESSION_COOKIE = "netnslab-session";
    /** Longer lines than this are refused before they reach the lab: no learner types them. */
    static final int MAX_COMMAND = 20_000;
    private static final String FREE_LAB = "lab";
    private static final String NOT_FOUND_PAGE = "netnslab.notFoundPage";
    /** Set on a request for the lesson the learner does themselves, not the one they watch. */
    private static final String DO_IT_YOURSELF = "netnslab.doItYourself";

    private final Catalog catalog;
    private final LabStore labs;
    private final Supplier<Backend> backends;
    private final String backendName;
    private final boolean cheapCopies;
    private final SecureRandom random = new SecureRandom();
    private final Parser markdown = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    WebApp(Catalog catalog, LabStore labs, Supplier<Backend> backends, String backendName) {
        this.catalog = catalog;
        this.labs = labs;
        this.backends = backends;
        this.backendName = backendName;
        // a simulated lab is rebuilt from its log in milliseconds; a kernel lab takes its namespaces' time
        this.cheapCopies = "sim".equals(backendName);
    }

    /** The Javalin app, not started. */
    Javalin create() {
        return Javalin.create(config -> {
            config.fileRenderer(new FreeMarkerRenderer());
            config.staticFiles.enableWebjars();
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.startup.showJavalinBanner = false;
            config.routes.get("/", this::index);
            config.routes.get("/lab", ctx -> page(ctx, Optional.empty()));
            config.routes.post("/lab/console", ctx -> console(ctx, Optional.empty()));
            config.routes.post("/lab/reset", ctx -> reset(ctx, Optional.empty()));
            config.routes.post("/lab/reachability", ctx -> reachability(ctx, Optional.empty()));
            config.routes.post("/lab/restore", ctx -> restore(ctx, Optional.empty()));
            config.routes.get("/lab/capture", ctx -> capture(ctx, Optional.empty()));
            config.routes.get("/lessons/{id}/capture", ctx -> capture(ctx, Optional.of(lessonOf(ctx))));
            config.routes.get("/lessons/{id}/exercise/capture", ctx -> capture(yourself(ctx), Optional.of(lessonOf(ctx))));
            config.routes.get("/lessons/{id}", ctx -> page(ctx, Optional.of(lessonOf(ctx))));
            config.routes.post("/lessons/{id}/next", ctx -> step(ctx, lessonOf(ctx), true));
            config.routes.post("/lessons/{id}/previous", ctx -> step(ctx, lessonOf(ctx), false));
            config.routes.post("/lessons/{id}/reset", ctx -> reset(ctx, Optional.of(lessonOf(ctx))));
            config.routes.post("/lessons/{id}/console", ctx -> console(ctx, Optional.of(lessonOf(ctx))));
            config.routes.post("/lessons/{id}/reachability", ctx -> reachability(ctx, Optional.of(lessonOf(ctx))));
            config.routes.post("/lessons/{id}/restore", ctx -> restore(ctx, Optional.of(lessonOf(ctx))));
            config.routes.get("/lessons/{id}/exercise", ctx -> page(yourself(ctx), Optional.of(lessonOf(ctx))));
            config.routes.post("/lessons/{id}/exercise/check", ctx -> exercise(ctx, LabSession::check));
            config.routes.post("/lessons/{id}/exercise/hint", ctx -> exercise(ctx, LabSession::hint));
            config.routes.post("/lessons/{id}/exercise/show", ctx -> exercise(ctx, LabSession::show));
            config.routes.post("/lessons/{id}/exercise/reset", ctx -> reset(yourself(ctx), Optional.of(lessonOf(ctx))));
            config.routes.post("/lessons/{id}/exercise/console",
                    ctx -> console(yourself(ctx), Optional.of(lessonOf(ctx))));
            config.routes.post("/lessons/{id}/exercise/reachability",
                    ctx -> reachability(yourself(ctx), Optional.of(lessonOf(ctx))));
            config.routes.post("/lessons/{id}/exercise/restore",
                    ctx -> restore(yourself(ctx), Optional.of(lessonOf(ctx))));
            config.routes.exception(NoSuchLessonException.class, (e, ctx) -> notFound(ctx, e.getMessage()));
            config.routes.error(404, ctx -> {
                if (ctx.attribute(NOT_FOUND_PAGE) == null) {
                    notFound(ctx, "There is no page " + ctx.path() + ".");
                }
            });
        });
    }

    private void index(Context ctx) {
        List<Map<String, Object>> lessons = new ArrayList<>();
        for (Lesson l : catalog.lessons()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", l.id());
            m.put("title", l.title());
            m.put("summary", md(l.summary()));
            m.put("tutorial", l.tutorial().map(this::inlineMd).orElse(""));
            m.put("steps", l.steps().size());
            m.put("progress", labs.peek(key(ctx, Optional.of(l), true)).flatMap(LabSession::exercise)
                    .map(ExerciseView::progress).orElse(""));
            lessons.add(m);
        }
        ctx.render("index.ftl", Map.of("lessons", lessons, "backend", backendName));
    }

    private Lesson lessonOf(Context ctx) {
        String id = ctx.pathParam("id");
        return catalog.lesson(id).orElseThrow(() -> new NoSuchLessonException(
                "There is no lesson \"" + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "\"."));
    }

    private void notFound(Context ctx, String message) {
        ctx.attribute(NOT_FOUND_PAGE, true);
        ctx.status(HttpStatus.NOT_FOUND);
        ctx.render("notfound.ftl", Map.of("message", message, "lessons", catalog.lessons().stream()
                .map(l -> Map.of("id", l.id(), "title", l.title())).toList()));
    }

    private void page(Context ctx, Optional<Lesson> lesson) {
        LabSession lab = lab(ctx, lesson);
        render(ctx, lesson, lab, true);
    }

    /** A request about the lesson the learner does themselves. */
    private static Context yourself(Context ctx) {
        ctx.attribute(DO_IT_YOURSELF, true);
        return ctx;
    }

    /** Check, Hint or Show me, on the learner's own lab. */
    private void exercise(Context ctx, Consumer<LabSession> action) {
        Optional<Lesson> lesson = Optional.of(lessonOf(ctx));
        LabSession lab = lab(yourself(ctx), lesson);
        if (!lab.log().full()) {
            action.accept(lab);
        }
        respond(ctx, lesson, lab);
    }

    private void step(Context ctx, Lesson lesson, boolean forward) {
        LabSession lab = lab(ctx, Optional.of(lesson));
        if (forward) {
            lab.next();
        } else {
            lab.previous();
        }
        respond(ctx, Optional.of(lesson), lab);
    }

    private void reset(Context ctx, Optional<Lesson> lesson) {
        LabSession lab = lab(ctx, lesson);
        lab.reset();
        respond(ctx, lesson, lab);
    }

    private void console(Context ctx, Optional<Lesson> lesson) {
        LabSession lab = lab(ctx, lesson);
        String command = Optional.ofNullable(ctx.formParam("command")).orElse("").strip();
        if (command.length() > MAX_COMMAND) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE);
            ctx.result("A command of " + command.length() + " characters is longer than any the lab takes ("
                    + MAX_COMMAND + ").");
            return;
        }
        if (!command.isEmpty() && !command.startsWith("#") && !lab.log().full()) {
            lab.type(command.replace('\r', ' ').replace('\n', ' '));
        }
        respond(ctx, lesson, lab);
    }

    /** Who can ping what, on request: what a kernel lab shows when asked, as building its copy takes time. */
    private void reachability(Context ctx, Optional<Lesson> lesson) {
        LabSession lab = lab(ctx, lesson);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("action", lab.path());
        model.put("log", lab.log().encode());
        model.put("reachability", lab.reachability());
        ctx.render("reachability.ftl", model);
    }

    /**
     * A page that loads with a fresh lab while the browser kept a longer log (the server restarted since):
     * the page posts that log here, and the lab is rebuilt from it. A lab that has a log already keeps it.
     */
    private void restore(Context ctx, Optional<Lesson> lesson) {
        LabSession lab = lab(ctx, lesson);
        Optional<LabLog> kept = LabLog.decode(ctx.formParam("log"));
        if (lab.log().entries().isEmpty() && kept.isPresent()) {
            lab.replay(kept.get());
        }
        respond(ctx, lesson, lab);
    }

    /** After a change: the fragment for htmx, a redirect for a plain form. */
    private void respond(Context ctx, Optional<Lesson> lesson, LabSession lab) {
        if ("true".equals(ctx.header("HX-Request"))) {
            render(ctx, lesson, lab, false);
        } else {
            ctx.redirect(lab.path(), HttpStatus.SEE_OTHER);
        }
    }

    private void render(Context ctx, Optional<Lesson> lesson, LabSession lab, boolean fullPage) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("backend", backendName);
        model.put("action", lab.path());
        model.put("log", lab.log().encode());
        model.put("prompt", lab.prompt());
        model.put("panels", StatePanels.of(lab.previousState(), lab.state()));
        model.put("topology", Topology.svg(lab.state()));
        model.put("captures", CaptureDownload.links(lab.state()));
        if (cheapCopies) {
            model.put("reachability", lab.reachability());
        }
        model.put("console", lab.console().stream().map(e -> entry(e.prompt(), e.command(), e.result())).toList());
        List<Map<String, Object>> journeys = new ArrayList<>();
        lesson.ifPresent(l -> {
            model.put("lesson", lessonModel(l));
            int done = lab.stepsApplied();
            model.put("done", done);
            model.put("total", l.steps().size());
            model.put("hasNext", done < l.steps().size());
            model.put("hasPrevious", done > 0);
            lab.lastStep().ifPresent(r -> {
                model.put("step", stepModel(r));
                for (CommandOutput o : r.outputs()) {
                    journey(o.command(), o.result()).ifPresent(journeys::add);
                }
            });
            if (done < l.steps().size()) {
                model.put("nextTitle", l.step(done + 1).title());
            }
        });
        lab.exercise().ifPresent(x -> model.put("exercise", ExerciseView.of(x, lab.lastExercise(), this::md,
                this::inlineMd)));
        List<LabSession.ConsoleEntry> typed = lab.console();
        if (!typed.isEmpty()) {
            LabSession.ConsoleEntry last = typed.get(typed.size() - 1);
            journey(last.command(), last.result()).ifPresent(journeys::add);
        }
        model.put("journeys", journeys);
        ctx.render(fullPage ? "page.ftl" : "lab.ftl", model);
    }

    /** The journeys of what a command sent (a ping's probes, an nc's segments), to show hop by hop. */
    private static Optional<Map<String, Object>> journey(String command, CommandResult result) {
        String trace = result.ping().map(JourneyFormat::trace).orElse("")
                + (result.segments().isEmpty() ? "" : JourneyFormat.trace(result.segments()));
        return trace.isEmpty() ? Optional.empty() : Optional.of(Map.of("command", command, "trace", trace));
    }

    private Map<String, Object> lessonModel(Lesson l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("title", l.title());
        m.put("summary", md(l.summary()));
        m.put("tutorial", l.tutorial().map(this::inlineMd).orElse(""));
        m.put("introduction", md(l.introduction()));
        return m;
    }

    private Map<String, Object> stepModel(StepResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", r.number());
        m.put("title", r.step().title());
        m.put("explanation", md(r.step().explanation()));
        m.put("outputs", r.outputs().stream().map(o -> entry(o.prompt(), o.command(), o.result())).toList());
        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (Verdict v : r.verdicts()) {
            verdicts.add(Map.of("text", v.expectation().text(), "passed", v.passed(), "observed", v.observed()));
        }
        m.put("verdicts", verdicts);
        return m;
    }

    private static Map<String, Object> entry(String prompt, String command, CommandResult result) {
        return Map.of("prompt", prompt, "command", command, "output", result.output(), "rc", result.exitStatus());
    }

    private String md(String markdown) {
        return html.render(this.markdown.parse(markdown == null ? "" : markdown));
    }

    /** One paragraph of Markdown, to sit inside a sentence: without its {@code <p>}. */
    private String inlineMd(String markdown) {
        String rendered = md(markdown).strip();
        if (rendered.startsWith("<p>") && rendered.endsWith("</p>") && rendered.indexOf("<p>", 3) < 0) {
            return rendered.substring(3, rendered.length() - 4);
        }
        return rendered;
    }

    /** The learner's lab: from the store, or rebuilt from the log the page carried back. */
    /** {@code Download capture (.pcap)}: {@code ?link=NS/DEV}, the link's packets since the lab began. */
    private void capture(Context ctx, Optional<Lesson> lesson) {
        String link = Optional.ofNullable(ctx.queryParam("link")).orElse("");
        int slash = link.lastIndexOf('/');
        if (slash <= 0 || slash == link.length() - 1) {
            ctx.status(HttpStatus.BAD_REQUEST).result("Say which link: ?link=NAMESPACE/DEVICE");
            return;
        }
        String ns = link.substring(0, slash);
        String device = link.substring(slash + 1);
        LabSession lab = lab(ctx, lesson);
        byte[] pcap;
        synchronized (lab) {
            if (lab.state().namespace(ns).flatMap(s -> s.link(device)).isEmpty()) {
                ctx.status(HttpStatus.NOT_FOUND).result("There is no link " + device + " in " + ns + ".");
                return;
            }
            pcap = CaptureDownload.pcap(lab.backend(), ns, device);
        }
        ctx.contentType(CaptureDownload.MEDIA_TYPE);
        ctx.header("Content-Disposition", "attachment; filename=\"" + CaptureDownload.fileName(ns, device) + "\"");
        ctx.result(pcap);
    }

    private LabSession lab(Context ctx, Optional<Lesson> lesson) {
        boolean yourself = ctx.attribute(DO_IT_YOURSELF) != null;
        String key = key(ctx, lesson, yourself);
        boolean known = labs.contains(key);
        LabSession lab = labs.get(key, k -> new LabSession(backends, lesson, yourself));
        if (!known) {
            LabLog.decode(ctx.formParam("log")).ifPresent(lab::replay);
        }
        return lab;
    }

    private String key(Context ctx, Optional<Lesson> lesson, boolean yourself) {
        return session(ctx) + "/" + lesson.map(Lesson::id).orElse(FREE_LAB) + (yourself ? "/exercise" : "");
    }

    private String session(Context ctx) {
        String id = ctx.cookie(SESSION_COOKIE);
        if (id == null || !id.matches("[0-9a-f]{32}")) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
            Cookie cookie = new Cookie(SESSION_COOKIE, id);
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.STRICT);
            cookie.setPath("/");
            ctx.cookie(cookie);
        }
        return id;
    }

    /** A lesson id that names no lesson: a 404 page that lists those there are. */
    static final class NoSuchLessonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuchLessonException(String message) {
            super(message);
        }
    }
}
