package org.netnslab.core.shell;

/**
 * A redirection of one command: {@code > FILE}, {@code >> FILE}, {@code 2> FILE}, {@code &> FILE}, or a
 * stream onto another ({@code 2>&1}, {@code >&2}, where {@code target} is empty).
 */
record Redirect(String op, String target) {

    boolean stdout() {
        return op.equals(">") || op.equals(">>") || op.equals("1>") || op.equals("1>>") || both();
    }

    boolean stderr() {
        return op.equals("2>") || op.equals("2>>") || both();
    }

    boolean both() {
        return op.equals("&>") || op.equals("&>>");
    }

    boolean appends() {
        return op.endsWith(">>");
    }
}
