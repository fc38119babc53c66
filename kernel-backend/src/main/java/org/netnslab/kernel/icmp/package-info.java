/** What ping reads and writes on its raw socket: an IPv4 header, ICMP echo requests, replies and errors. */
package org.netnslab.kernel.icmp;
