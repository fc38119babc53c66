/**
 * {@code route}, net-tools' ({@code route.c}, {@code lib/inet_gr.c}): the kernel's routing table as
 * {@code /proc/net/route} shows it, read through the {@link org.netnslab.core.backend.Backend} port's state.
 */
package org.netnslab.core.route;
