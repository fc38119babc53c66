/**
 * {@code tcpdump}, as Debian's tcpdump 4.99.3 with libpcap 1.10.3 has it: {@link org.netnslab.core.tcpdump.Tcpdump}
 * is tcpdump.c's main, reading its options; {@link org.netnslab.core.tcpdump.Filter} the capture filter, as
 * libpcap compiles it; the printer of each packet's line; {@link org.netnslab.core.tcpdump.Pcap} the file format
 * of {@code -w} and {@code -r}; and {@link org.netnslab.core.tcpdump.Captures} the captures of a terminal, which
 * outlive their command in the background. It knows the backend port, the model, the lab's files and the shared
 * pieces of {@code org.netnslab.core.command}, no other tool.
 */
package org.netnslab.core.tcpdump;
