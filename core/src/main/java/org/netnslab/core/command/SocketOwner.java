package org.netnslab.core.command;

import org.netnslab.core.model.InetSock;

/**
 * Who holds a socket of the lab, as {@code ss -p} and {@code netstat -p} find it by its inode under
 * {@code /proc/PID/fd}: nc, the lab's one program that opens sockets, through its first descriptor (3). A lab runs
 * no processes of its own, so the pid is the lab's: a number made from the socket's inode, the same for as long as
 * the socket lives (a real one differs from run to run too).
 */
public final class SocketOwner {

    /** The program's name, as {@code /proc/PID/stat} gives it. */
    public static final String PROGRAM = "nc";

    private SocketOwner() {}

    public static int pid(InetSock s) {
        return 2000 + (int) Math.floorMod(s.inode(), 30000L);
    }

    public static int fd(InetSock s) {
        return 3;
    }
}
