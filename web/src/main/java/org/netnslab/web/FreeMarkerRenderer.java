package org.netnslab.web;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** FreeMarker templates from the class path's {@code templates/}, HTML-escaped by default. */
final class FreeMarkerRenderer implements FileRenderer {

    private final Configuration freemarker;

    FreeMarkerRenderer() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassForTemplateLoading(FreeMarkerRenderer.class, "/templates");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.setRecognizeStandardFileExtensions(false);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
    }

    /** Reads and parses templates ahead of their first page, on a thread of its own. */
    void warm(List<String> files) {
        Thread t = new Thread(() -> {
            for (String f : files) {
                try {
                    freemarker.getTemplate(f);
                } catch (IOException e) {
                    // the page that needs it will say so
                }
            }
        }, "netns-lab-templates");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public String render(String file, Map<String, ?> model, Context ctx) {
        try {
            Template template = freemarker.getTemplate(file);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + file + ": " + e.getMessage(), e);
        }
    }
}
