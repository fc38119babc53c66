/**
 * {@code ip}, laid out as iproute2 6.1's {@code ip/} is: {@link org.netnslab.core.ip.Ip} is ip.c (the options
 * and the objects), and each object has its file, as ipnetns.c, iplink.c, ipaddress.c and iproute.c do: its
 * {@code do_*} entry, its argument loops, the commands they make, each with its run on the
 * {@link org.netnslab.core.backend.Backend} port, and its printing. {@link org.netnslab.core.ip.LinkFormat} is
 * ipaddress.c's {@code print_linkinfo}, which the link and address objects share;
 * {@link org.netnslab.core.ip.LinkRequest} is iplink.c's {@code iplink_parse}, which link add, set and delete
 * and a veth's peer share. A new option is one place in its object's file. The package knows the backend
 * port, the model and the shared pieces of {@code org.netnslab.core.command}, no other tool:
 * {@code ip netns exec} hands its program's words back ({@link org.netnslab.core.command.Exec}) for the shell
 * to find.
 */
package org.netnslab.core.ip;
