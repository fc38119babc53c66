/**
 * What every tool of the command language shares, once, as iproute2 shares its {@code lib/}: the
 * {@link org.netnslab.core.command.Command} each tool's commands implement (each runs itself on a
 * {@link org.netnslab.core.command.Context}, so that a new command is a new record in its tool's package and
 * no dispatcher changes), the word cursor ({@link org.netnslab.core.command.Args}), lib/utils.c's
 * {@code matches()} and argument errors ({@link org.netnslab.core.command.Iproute2}), glibc's getopt as
 * ping, nc and iptables call it ({@link org.netnslab.core.command.Getopt}), the address parsers
 * ({@link org.netnslab.core.command.Inet}), libnetlink's printing of a kernel refusal
 * ({@link org.netnslab.core.command.KernelErrors}), the result of a command, and the commands no one tool
 * owns: a refusal ({@link org.netnslab.core.command.Invalid}), a part of a tool the lab does not model
 * ({@link org.netnslab.core.command.Unsupported}), a name that is no program
 * ({@link org.netnslab.core.command.NotFound}), and a command run in another namespace
 * ({@link org.netnslab.core.command.InNamespace}), whose program a tool may hand back as words
 * ({@link org.netnslab.core.command.Exec}) for the shell to read. It knows the backend port, the model and
 * the addresses, no tool.
 */
package org.netnslab.core.command;
