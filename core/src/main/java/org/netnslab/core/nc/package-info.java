/**
 * {@code nc}, as Debian's netcat-openbsd 1.219 has it: {@link org.netnslab.core.nc.Nc} is netcat.c's main, its
 * getopt loop and its reading of the destination and the port, with the two commands it makes;
 * {@link org.netnslab.core.nc.Netcat} is what netcat does once it runs (listen, connect, carry the lines
 * typed), kept as a session of the terminal, because its sockets outlive the command. It knows the backend
 * port, the model and the shared pieces of {@code org.netnslab.core.command}, no other tool.
 */
package org.netnslab.core.nc;
