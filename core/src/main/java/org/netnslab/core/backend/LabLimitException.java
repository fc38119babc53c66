package org.netnslab.core.backend;

/**
 * A lab reached a limit of its own, or of the machine it runs on, that the real tools would not meet on a
 * learner's machine: the command is refused whole, and the terminal says why in one {@code netns-lab:} line
 * instead of inventing an error the real tool never prints.
 */
public final class LabLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param why a sentence without its final full stop: what the lab cannot do and why */
    public LabLimitException(String why) {
        super(why);
    }
}
