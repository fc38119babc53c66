/**
 * The lab on the real Linux kernel: {@link org.netnslab.kernel.KernelBackend}, the {@code Backend} port over
 * rtnetlink, nf_tables and raw ICMP sockets, in fresh network namespaces held by file descriptors.
 *
 * <p>Three packages underneath: {@code netlink} and {@code icmp}, the wire formats, plain Java and tested
 * against messages captured from the real tools; {@code sys}, the only one that binds libc (jnr-ffi) and
 * the only place where a thread enters a namespace.
 */
package org.netnslab.kernel;
