/**
 * The part of sysfs a lab has: {@code /sys/class/net}, each device's directory and the attributes tutorials
 * read ({@code iflink} to find a veth's peer), as {@code net/core/net-sysfs.c} shows them for the namespace
 * the reader is in.
 */
package org.netnslab.core.sysfs;
