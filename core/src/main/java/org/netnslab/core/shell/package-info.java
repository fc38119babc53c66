/**
 * The shell of a lab's terminal, as bash is to the real tools: {@link org.netnslab.core.shell.Bash} splits a
 * line into words ({@link org.netnslab.core.shell.Words}), finds the program by its name and hands it its
 * arguments, and reads in turn the programs that {@code ip netns exec} runs; {@code bash}, {@code exit} and
 * {@code command not found} are its own. {@link org.netnslab.core.shell.Terminal} is one terminal: the stack
 * of shells, the sessions its programs keep (netcat's), and the catch of kernel refusals no tool worded.
 * {@link org.netnslab.core.shell.Transcript} is the transcript format of the recorder. The shell is the one
 * package that knows every tool; no tool knows it.
 */
package org.netnslab.core.shell;
