/**
 * {@code ping}, as iputils 20221126 has it: {@link org.netnslab.core.ping.Ping} is ping.c's getopt loop and its
 * run on the backend (which sends the echo requests), {@link org.netnslab.core.ping.PingFormat} is
 * ping_common.c's printing of the replies and of {@code finish()}'s statistics. It knows the backend port,
 * the model and the shared pieces of {@code org.netnslab.core.command}, no other tool.
 */
package org.netnslab.core.ping;
