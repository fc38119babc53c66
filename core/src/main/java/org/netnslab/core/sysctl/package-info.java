/**
 * {@code sysctl}, as procps-ng 4.0.2's {@code sysctl.c} reads its arguments and reads or writes
 * {@code /proc/sys}: {@link org.netnslab.core.sysctl.Sysctl} is the command, with its argument loop
 * ({@code parse}), its run on the backend's per-namespace keys ({@link org.netnslab.core.backend.SysctlKey}) and
 * the lines it prints side by side; {@link org.netnslab.core.sysctl.ProcSys} is the same keys as the files
 * {@code cat}, {@code tee} and the shell's {@code >} open.
 * It knows the backend port, the model and the shared pieces of {@code org.netnslab.core.command}, no other
 * tool.
 */
package org.netnslab.core.sysctl;
