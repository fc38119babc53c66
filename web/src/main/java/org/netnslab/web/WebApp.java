package org.netnslab.web;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.JourneyFormat;
import org.netnslab.core.model.LabState;
import org.netnslab.core.lesson.CommandOutput;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.StepResult;
import org.netnslab.core.lesson.Verdict;
import org.netnslab.core.shell.Completion;
import org.netnslab.core.shell.History;
import org.netnslab.web.view.JourneyHops;
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
    /** How many points of simulated labs are kept for others to reach: every lesson's many times over. */
    private static final int POINTS_KEPT = 2_000;
    private static final String STARTED = "netnslab.started";
    /** The query parameter of a shared lab's link: the lab's log. */
    static final String SHARED_LOG = "log";

    private final Catalog catalog;
    private final LabStore labs;
    private final Supplier<Backend> backends;
    private final String backendName;
    private final boolean cheapCopies;
    private final SecureRandom random = new SecureRandom();
    private final Parser markdown = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    /** The lessons' Markdown, rendered once: the catalog does not change while the app runs. */
    private final Map<String, String> rendered = new ConcurrentHashMap<>();
    /** By the lesson itself: a teacher's edited file is another lesson under the same id. */
    private final Map<Lesson, Map<String, Object>> lessonModels = new ConcurrentHashMap<>();
    /** What simulated labs reached, shared by every learner ({@code null} on the kernel). */
    private final LabPoints points;
    private final FreeMarkerRenderer renderer = new FreeMarkerRenderer();
    private final StaticFiles files = new StaticFiles();
    private final Metrics metrics;
    private final Health health;
    private final LabLimits limits;

    WebApp(Catalog catalog, LabStore labs, Supplier<Backend> backends, String backendName) {
        this(catalog, labs, backends, backendName, new Metrics(labs),
                "sim".equals(backendName) ? Health.serving() : Health.ofBackend(backends));
    }

    WebApp(Catalog catalog, LabStore labs, Supplier<Backend> backends, String backendName, Metrics metrics,
            Health health) {
        this(catalog, labs, backends, backendName, metrics, health, LabLimits.NONE);
    }

    WebApp(Catalog catalog, LabStore labs, Supplier<Backend> backends, String backendName, Metrics metrics,
            Health health, LabLimits limits) {
        this.limits = limits;
        this.metrics = metrics;
        this.health = health;
        this.catalog = catalog;
        this.labs = labs;
        this.backends = () -> LimitedBackend.of(backends.get(), limits);
        this.backendName = backendName;
        // a simulated lab is rebuilt from its log in milliseconds; a kernel lab takes its namespaces' time
        this.cheapCopies = "sim".equals(backendName);
        this.points = cheapCopies ? new LabPoints(POINTS_KEPT) : null;
    }

    /** The Javalin app, not started; its templates are read meanwhile. */
    Javalin create() {
        renderer.warm(List.of("index.ftl", "layout.ftl", "page.ftl", "lab.ftl", "matrix.ftl", "reachability.ftl"));
        return Javalin.create(config -> {
            config.fileRenderer(renderer);
            // a shared lab's link carries its log, as long as LabLog lets a log be
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(LabLog.MAX_ENCODED + 16 * 1024));
            config.startup.showJavalinBanner = false;
            // a form is read once, here, so that one that cannot be read is the client's fault (400), on every route
            config.routes.before(ctx -> {
                if (ctx.method() == HandlerType.POST) {
                    try {
                        ctx.formParamMap();
                    } catch (Exception e) { // Jetty's ServletException, thrown unchecked through Kotlin
                        throw new BadRequestResponse("The request's form could not be read: send it as a browser does.");
                    }
                }
            });
            config.routes.get("/webjars/*", ctx -> files.serve(ctx, StaticFiles.WEBJARS + ctx.path(), true));
            config.routes.get("/app.css", ctx -> files.serve(ctx, "public/app.css", false));
            config.routes.get("/restore.js", ctx -> files.serve(ctx, "public/restore.js", false));
            config.routes.get("/terminal.js", ctx -> files.serve(ctx, "public/terminal.js", false));
            config.routes.post("/lab/complete", ctx -> complete(ctx, Optional.empty()));
            config.routes.post("/lab/terminal", ctx -> newTerminal(ctx, Optional.empty()));
            config.routes.post("/lessons/{id}/terminal", ctx -> newTerminal(ctx, Optional.of(lessonOf(ctx))));
            config.routes.post("/lessons/{id}/exercise/terminal",
                    ctx -> newTerminal(yourself(ctx), Optional.of(lessonOf(ctx))));
            config.routes.post("/lessons/{id}/complete", ctx -> complete(ctx, Optional.of(lessonOf(ctx))));
            config.routes.post("/lessons/{id}/exercise/complete",
                    ctx -> complete(yourself(ctx), Optional.of(lessonOf(ctx))));
            config.routes.get("/page.js", ctx -> files.serve(ctx, "public/page.js", false));
            config.routes.get("/journey.js", ctx -> files.serve(ctx, "public/journey.js", false));
            config.routes.get("/favicon.svg", ctx -> files.serve(ctx, "public/favicon.svg", false));
            config.routes.get("/favicon.ico", ctx -> files.serve(ctx, "public/favicon.svg", false));
            config.routes.get("/", this::index);
            config.routes.get("/health", this::health);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
            config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
            config.routes.after(this::timed);
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
            config.routes.exception(LessonProblemsException.class, (e, ctx) -> problems(ctx, e.entry));
            config.routes.error(404, ctx -> {
                if (ctx.attribute(NOT_FOUND_PAGE) == null) {
                    notFound(ctx, "There is no page " + ctx.path() + ".");
                }
            });
        });
    }

    /** 200 {@code ok} while a lab can be served; 503 and why not, when it cannot (the kernel refuses namespaces). */
    private void health(Context ctx) {
        Optional<String> problem = health.problem();
        ctx.contentType(ContentType.TEXT_PLAIN);
        if (problem.isEmpty()) {
            ctx.result("ok\n");
        } else {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("netns-lab: cannot make a lab: " + problem.get() + "\n");
        }
    }

    /** A change to a lab, timed: a step, a command, a check. */
    private void timed(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started != null && "POST".equals(ctx.method().name()) && ctx.statusCode() < 400) {
            String path = ctx.path();
            metrics.step(path.substring(path.lastIndexOf('/') + 1), Duration.ofNanos(System.nanoTime() - started));
        }
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
        List<Map<String, Object>> broken = new ArrayList<>();
        for (LessonFolder.Entry e : catalog.broken()) {
            broken.add(Map.of("id", e.id(), "file", e.file().getFileName().toString(), "problems", e.problems().size()));
        }
        ctx.render("index.ftl", Map.of("lessons", lessons, "backend", backendName, "broken", broken));
    }

    private Lesson lessonOf(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<Lesson> found = catalog.lesson(id);
        if (found.isEmpty()) {
            catalog.broken().stream().filter(e -> e.id().equals(id)).findFirst().ifPresent(e -> {
                throw new LessonProblemsException(e);
            });
        }
        return found.orElseThrow(() -> new NoSuchLessonException(
                "There is no lesson \"" + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "\"."));
    }

    private void notFound(Context ctx, String message) {
        ctx.attribute(NOT_FOUND_PAGE, true);
        ctx.status(HttpStatus.NOT_FOUND);
        ctx.render("notfound.ftl", Map.of("message", message, "lessons", catalog.lessons().stream()
                .map(l -> Map.of("id", l.id(), "title", l.title())).toList()));
    }

    /** A teacher's lesson that does not read: its problems at their lines, for the teacher to mend. */
    private void problems(Context ctx, LessonFolder.Entry entry) {
        ctx.attribute(NOT_FOUND_PAGE, true);
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        List<Map<String, Object>> problems = entry.problems().stream()
                .map(p -> Map.<String, Object>of("line", p.line(), "message", p.message())).toList();
        ctx.render("problems.ftl", Map.of("id", entry.id(), "file", entry.file().getFileName().toString(),
                "problems", problems));
    }

    private void page(Context ctx, Optional<Lesson> lesson) {
        String shared = ctx.queryParam(SHARED_LOG);
        if (shared != null) {
            openShared(ctx, lesson, shared);
            return;
        }
        LabSession lab = lab(ctx, lesson);
        render(ctx, lesson, lab, true);
    }

    /**
     * A shared lab's link ({@code PATH?log=LOG}): the visitor's own lab becomes a copy of the one shared, rebuilt
     * from the log the link carries, and the page is shown at its own address, so that a reload keeps what the
     * visitor does next. The sharer's lab is not touched: it is theirs, under their session.
     */
    private void openShared(Context ctx, Optional<Lesson> lesson, String encoded) {
        Optional<LabLog> log = encoded.isEmpty() ? Optional.of(LabLog.empty()) : LabLog.decode(encoded);
        if (log.isEmpty()) {
            ctx.attribute(NOT_FOUND_PAGE, true);
            ctx.status(HttpStatus.BAD_REQUEST);
            ctx.render("notfound.ftl", Map.of("message", String.format("This link's lab cannot be opened: its log is "
                    + "not a lab's, or longer than a lab keeps (%,d entries, %,d characters).", LabLog.MAX_ENTRIES,
                    LabLog.MAX_ENCODED), "lessons", List.of()));
            return;
        }
        boolean yourself = ctx.attribute(DO_IT_YOURSELF) != null;
        LabSession copy = newLab(lesson, yourself);
        copy.replay(log.get());
        labs.replace(key(ctx, lesson, yourself), copy);
        ctx.redirect(copy.path(), HttpStatus.SEE_OTHER);
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
        int terminal = terminalOf(ctx);
        String line = command.replace('\r', ' ').replace('\n', ' ');
        if ("INT".equals(ctx.formParam("signal"))) {
            lab.interrupt(terminal);
        } else if (!command.isEmpty() && !command.startsWith("#")) {
            if (terminal == 1) {
                lab.type(line).ifPresent(result -> metrics.command(line, result));
            } else {
                lab.typeIn(terminal, line);
            }
        }
        respond(ctx, lesson, lab);
    }

    /** The terminal a form came from: {@code terminal=N}, 1 when it says none. */
    private static int terminalOf(Context ctx) {
        String n = ctx.formParam("terminal");
        return n != null && n.matches("[1-9][0-9]?") ? Integer.parseInt(n) : 1;
    }

    /** New terminal: one more on the same lab. */
    private void newTerminal(Context ctx, Optional<Lesson> lesson) {
        LabSession lab = lab(ctx, lesson);
        lab.openTerminal();
        respond(ctx, lesson, lab);
    }

    /**
     * Tab in the terminal: {@code {"start":N,"words":[...]}}, the words that may stand at offset N of the line,
     * where the word that ends at the cursor begins.
     */
    private void complete(Context ctx, Optional<Lesson> lesson) {
        LabSession lab = lab(ctx, lesson);
        String line = Optional.ofNullable(ctx.formParam("line")).orElse("");
        if (line.length() > MAX_COMMAND) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE);
            return;
        }
        int cursor;
        try {
            cursor = Math.max(0, Math.min(line.length(), Integer.parseInt(
                    Optional.ofNullable(ctx.formParam("cursor")).orElse(Integer.toString(line.length())))));
        } catch (NumberFormatException e) {
            cursor = line.length();
        }
        Completion.Candidates found = lab.complete(terminalOf(ctx), line, cursor);
        StringBuilder json = new StringBuilder("{\"start\":").append(found.start()).append(",\"words\":[");
        for (int i = 0; i < found.words().size(); i++) {
            json.append(i == 0 ? "" : ",").append(jsonString(found.words().get(i)));
        }
        ctx.contentType(ContentType.APPLICATION_JSON).result(json.append("]}").toString());
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Who can ping what, on request: what a kernel lab shows when asked, as building its copy takes time. */
    private void reachability(Context ctx, Optional<Lesson> lesson) {
        LabSession lab = lab(ctx, lesson);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("action", lab.path());
        model.put("log", lab.point().encodedLog());
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

    /**
     * The page or its fragment. What a point shows is the same for every learner who came to it from the same
     * point, so its bytes are rendered once for them all; a page with a line of netns-lab's own is rendered for
     * its learner alone.
     */
    private void render(Context ctx, Optional<Lesson> lesson, LabSession lab, boolean fullPage) {
        LabSession.View view = lab.view();
        LabPoint point = view.point();
        Optional<Map<String, Object>> measured = cheapCopies ? point.measuredReachability() : Optional.empty();
        Supplier<byte[]> page = () -> renderer.render(fullPage ? "page.ftl" : "lab.ftl",
                model(lesson, view, measured), ctx).getBytes(StandardCharsets.UTF_8);
        // an exercise's page says what its last Check found, which is the learner's alone
        boolean shared = view.notice().isEmpty() && view.exercise().isEmpty();
        byte[] html = shared ? point.page(fullPage, view.before(), measured.isPresent(), page)
                : page.get();
        ctx.contentType(ContentType.TEXT_HTML).result(html);
    }

    private Map<String, Object> model(Optional<Lesson> lesson, LabSession.View view,
            Optional<Map<String, Object>> measured) {
        Map<String, Object> model = new LinkedHashMap<>();
        LabPoint point = view.point();
        model.put("backend", backendName);
        model.put("action", view.path());
        model.put("log", point.encodedLog());
        model.put("prompt", point.prompt());
        // the terminals' history is the lab's: the commands of its log, as bash would have kept them
        List<String> typedLines = point.log().entries().stream().filter(e -> e.kind() == LabLog.Kind.COMMAND
                || e.kind() == LabLog.Kind.COMMAND_IN).map(LabLog.Entry::line).toList();
        String history = new History(typedLines).lines().stream().map(WebApp::jsonString)
                .collect(Collectors.joining(",", "[", "]"));
        List<Map<String, Object>> terminals = new ArrayList<>();
        for (LabPoint.Screen screen : point.screens()) {
            // terminal 1 shows netns-lab's own line about the last action too
            List<LabSession.ConsoleEntry> shown = screen.number() == 1 ? view.console() : screen.console();
            int first = screen.total() - screen.console().size();
            List<Map<String, Object>> entries = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                LabSession.ConsoleEntry e = shown.get(i);
                Map<String, Object> m = new LinkedHashMap<>(entry(e.prompt(), e.command(), e.result()));
                m.put("seq", first + i);
                m.put("arrived", e.prompt().isEmpty() && e.command().isEmpty());
                entries.add(m);
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("number", screen.number());
            t.put("prompt", screen.prompt());
            t.put("holding", screen.holding());
            t.put("total", screen.total());
            t.put("entries", entries);
            t.put("history", history);
            terminals.add(t);
        }
        model.put("terminals", terminals);
        model.put("moreTerminals", point.screens().size() < LabSession.MAX_TERMINALS);
        model.put("panels", StatePanels.of(view.before(), point.state()));
        model.put("topology", point.topology(() -> Topology.svg(point.state())));
        // both backends keep every link's packets since the lab began
        model.put("captures", CaptureDownload.links(point.state()));
        model.put("captureSteps", lesson.isPresent());
        if (cheapCopies) {
            // measured once for everyone at this point; the first to get here has it loaded after the page
            if (measured.isPresent()) {
                model.put("reachability", measured.get());
            } else {
                model.put("measureNow", true);
            }
        }
        List<LabSession.ConsoleEntry> typed = view.console();
        model.put("console", typed.stream().map(e -> entry(e.prompt(), e.command(), e.result())).toList());
        List<Map<String, Object>> journeys = new ArrayList<>();
        lesson.ifPresent(l -> {
            model.put("lesson", lessonModel(l));
            int done = point.log().stepsApplied();
            model.put("done", done);
            model.put("total", l.steps().size());
            model.put("hasNext", done < l.steps().size());
            model.put("hasPrevious", done > 0);
            point.lastStep().ifPresent(r -> {
                model.put("step", stepModel(r));
                for (CommandOutput o : r.outputs()) {
                    journey(o.command(), o.result(), point.state()).ifPresent(journeys::add);
                }
            });
            if (done < l.steps().size()) {
                model.put("nextTitle", l.step(done + 1).title());
            }
        });
        view.exercise().ifPresent(x -> model.put("exercise", ExerciseView.of(x, view.last(), this::md,
                this::inlineMd)));
        if (!typed.isEmpty()) {
            LabSession.ConsoleEntry last = typed.get(typed.size() - 1);
            journey(last.command(), last.result(), point.state()).ifPresent(journeys::add);
        }
        model.put("journeys", journeys);
        // the journey player follows the last command that pinged
        for (Map<String, Object> j : journeys) {
            if (j.containsKey("hops")) {
                model.put("player", j);
            }
        }
        return model;
    }

    /** The journeys of what a command sent (a ping's probes, an nc's segments), to show hop by hop. */
    private static Optional<Map<String, Object>> journey(String command, CommandResult result, LabState state) {
        String trace = result.ping().map(JourneyFormat::trace).orElse("")
                + (result.segments().isEmpty() ? "" : JourneyFormat.trace(result.segments()));
        if (trace.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> j = new LinkedHashMap<>(Map.of("command", command, "trace", trace));
        // a ping lost for want of a route says so first, before the kernel's reason where it died
        result.ping().flatMap(p -> JourneyFormat.wrongTurn(state, p)).ifPresent(w -> j.put("why", w.text(x -> x)));
        result.ping().map(JourneyHops::of).filter(h -> !h.isEmpty()).ifPresent(h -> j.put("hops", h));
        return Optional.of(j);
    }

    private Map<String, Object> lessonModel(Lesson l) {
        return lessonModels.computeIfAbsent(l, id -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", l.id());
            m.put("title", l.title());
            m.put("summary", md(l.summary()));
            m.put("tutorial", l.tutorial().map(this::inlineMd).orElse(""));
            m.put("introduction", md(l.introduction()));
            return Collections.unmodifiableMap(m);
        });
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

    /** Only the catalog's own texts come here, so the rendered ones are kept without bound. */
    private String md(String markdown) {
        return rendered.computeIfAbsent(markdown == null ? "" : markdown, m -> html.render(this.markdown.parse(m)));
    }

    /** One paragraph of Markdown, to sit inside a sentence: without its {@code <p>}. */
    private String inlineMd(String markdown) {
        String rendered = md(markdown).strip();
        if (rendered.startsWith("<p>") && rendered.endsWith("</p>") && rendered.indexOf("<p>", 3) < 0) {
            return rendered.substring(3, rendered.length() - 4);
        }
        return rendered;
    }

    /**
     * {@code Download capture (.pcap)}: {@code ?link=NS/DEV}, the link's packets since the lab began, or with
     * {@code &from=step} since the step began.
     */
    private void capture(Context ctx, Optional<Lesson> lesson) {
        String link = Optional.ofNullable(ctx.queryParam("link")).orElse("");
        int slash = link.lastIndexOf('/');
        if (slash <= 0 || slash == link.length() - 1) {
            ctx.status(HttpStatus.BAD_REQUEST).result("Say which link: ?link=NAMESPACE/DEVICE");
            return;
        }
        String ns = link.substring(0, slash);
        String device = link.substring(slash + 1);
        boolean sinceStep = "step".equals(ctx.queryParam("from"));
        LabSession lab = lab(ctx, lesson);
        Optional<byte[]> pcap = lab.capture(ns, device, sinceStep && lab.hasSteps());
        if (pcap.isEmpty()) {
            notFound(ctx, "There is no link " + device + " in " + ns + ".");
            return;
        }
        ctx.contentType(CaptureDownload.MEDIA_TYPE);
        ctx.header("Content-Disposition", "attachment; filename=\"" + CaptureDownload.fileName(ns, device, sinceStep && lab.hasSteps()) + "\"");
        ctx.result(pcap.get());
    }

    /** The learner's lab: from the store, or rebuilt from the log the page carried back. */
    private LabSession lab(Context ctx, Optional<Lesson> lesson) {
        boolean yourself = ctx.attribute(DO_IT_YOURSELF) != null;
        String key = key(ctx, lesson, yourself);
        boolean known = labs.contains(key);
        LabSession lab = labs.get(key, k -> newLab(lesson, yourself));
        if (known && !lab.lesson().equals(lesson)) {
            // the teacher edited the lesson's file: the learner's log goes on, on the lesson as it is now
            LabLog log = lab.log();
            LabSession edited = newLab(lesson, yourself);
            edited.replay(log);
            labs.replace(key, edited);
            lab = edited;
        }
        if (!known) {
            LabLog.decode(ctx.formParam("log")).ifPresent(lab::replay);
            labs.closedBecause(key).ifPresent(lab::tell);
        }
        return lab;
    }

    private LabSession newLab(Optional<Lesson> lesson, boolean yourself) {
        return new LabSession(backends, lesson, yourself, Optional.ofNullable(points))
                .limitCommands(limits.commandsPerLab());
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

    /** A teacher's lesson file that does not read: a page of its problems. */
    static final class LessonProblemsException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient LessonFolder.Entry entry;

        LessonProblemsException(LessonFolder.Entry entry) {
            super("the lesson " + entry.id() + " has problems");
            this.entry = entry;
        }
    }

    /** A lesson id that names no lesson: a 404 page that lists those there are. */
    static final class NoSuchLessonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuchLessonException(String message) {
            super(message);
        }
    }
}
