/**
 * {@code netstat}, net-tools 2.10's ({@code netstat.c}): the namespace's Internet sockets as {@code /proc/net/tcp}
 * lists them, read through the {@link org.netnslab.core.backend.Backend} port. Like every tool's package, it knows
 * the port, the model and the shared pieces of {@code org.netnslab.core.command}, no other tool.
 */
package org.netnslab.core.netstat;
