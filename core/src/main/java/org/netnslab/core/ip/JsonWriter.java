package org.netnslab.core.ip;

/**
 * lib/json_writer.c as iproute2 6.1 has it, so that {@code ip -j} and {@code ip -j -p} print byte for byte what
 * ip prints: the separator written before the next element, four blanks a level when pretty, a blank inside
 * the brackets of an array ({@code [ "UP","LOWER_UP" ]}, {@code [ ]}), and the newline that ends the output.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;
    private int depth;
    private char sep;

    JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    private void indent() {
        out.append("    ".repeat(depth));
    }

    private void eol() {
        if (pretty) {
            out.append('\n');
            indent();
        }
    }

    private void eor() {
        if (sep != '\0') {
            out.append(sep);
        }
        sep = ',';
    }

    private void begin(char c) {
        eor();
        out.append(c);
        depth++;
        sep = '\0';
    }

    private void end(char c) {
        depth--;
        if (sep != '\0') {
            eol();
        }
        out.append(c);
        sep = ',';
    }

    private JsonWriter name(String name) {
        eor();
        eol();
        sep = '\0';
        puts(name);
        out.append(':');
        if (pretty) {
            out.append(' ');
        }
        return this;
    }

    private void puts(String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case '\b' -> out.append("\\b");
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                default -> out.append(c);
            }
        }
        out.append('"');
    }

    JsonWriter startObject() {
        begin('{');
        return this;
    }

    JsonWriter endObject() {
        end('}');
        return this;
    }

    /** An array, named when {@code name} is not null. */
    JsonWriter startArray(String name) {
        if (name != null) {
            name(name);
        }
        begin('[');
        if (pretty) {
            out.append(' ');
        }
        return this;
    }

    JsonWriter endArray() {
        if (pretty && sep != '\0') {
            out.append(' ');
        }
        sep = '\0';
        end(']');
        return this;
    }

    JsonWriter field(String name, String value) {
        name(name);
        eor();
        puts(value);
        return this;
    }

    JsonWriter field(String name, long value) {
        name(name);
        eor();
        out.append(value);
        return this;
    }

    JsonWriter field(String name, boolean value) {
        name(name);
        eor();
        out.append(value);
        return this;
    }

    /** A string in an array. */
    JsonWriter value(String value) {
        eor();
        puts(value);
        return this;
    }

    /** What {@code delete_json_obj} leaves: the document and its newline. */
    String done() {
        return out + "\n";
    }
}
