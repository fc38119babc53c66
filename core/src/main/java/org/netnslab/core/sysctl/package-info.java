/**
 * {@code sysctl}, as procps-ng 4.0.2's {@code sysctl.c} reads its arguments and reads or writes
 * {@code /proc/sys}: {@link org.netnslab.core.sysctl.Sysctl} is the command, with its argument loop
 * ({@code parse}), its run on the backend's forwarding switch and the lines it prints side by side.
 * It knows the backend port, the model and the shared pieces of {@code org.netnslab.core.command}, no other
 * tool.
 */
package org.netnslab.core.sysctl;
