/**
 * libc through jnr-ffi, and namespace switching: the only package that imports jnr.
 *
 * <p>Safety by construction. A namespace is entered only by a new platform thread made for it
 * ({@link org.netnslab.kernel.sys.Namespaces}), which opens what it needs inside (netlink sockets, ping's ICMP
 * and UDP sockets, nc's TCP sockets, a descriptor of the namespace, {@code /proc/sys/net} files) and ends; the threads that call the
 * backend never move, so the process's own namespace, the machine's, is never the one a socket is opened in.
 * Nothing is mounted: the lab's namespaces live as long as their descriptors, and the kernel reclaims them
 * when the process ends, however it ends.
 */
package org.netnslab.kernel.sys;
