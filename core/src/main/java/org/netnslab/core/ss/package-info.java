/**
 * {@code ss}, iproute2 6.1's ({@code misc/ss.c}): the namespace's sockets as its {@code sock_diag} dump gives them,
 * read through the {@link org.netnslab.core.backend.Backend} port, in ss's buffered columns. Like every tool's
 * package, it knows the port, the model and the shared pieces of {@code org.netnslab.core.command}, no other tool.
 */
package org.netnslab.core.ss;
