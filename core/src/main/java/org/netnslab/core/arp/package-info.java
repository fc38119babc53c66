/**
 * {@code arp}, net-tools' ({@code arp.c}): the ARP table as {@code /proc/net/arp} shows it, read through the
 * {@link org.netnslab.core.backend.Backend} port. Like every tool's package, it knows the port, the model and
 * the shared pieces of {@code org.netnslab.core.command}, no other tool.
 */
package org.netnslab.core.arp;
