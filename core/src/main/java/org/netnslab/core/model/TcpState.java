package org.netnslab.core.model;

import java.util.Optional;

/**
 * A TCP socket's state ({@code TCP_*}, {@code include/net/tcp_states.h}) by the kernel's numbers, with the words
 * iproute2's {@code ss} ({@code sstate_name}) and net-tools' {@code netstat} ({@code tcp_state}) print for it.
 */
public enum TcpState {
    ESTABLISHED(1, "ESTAB", "ESTABLISHED"),
    SYN_SENT(2, "SYN-SENT", "SYN_SENT"),
    SYN_RECV(3, "SYN-RECV", "SYN_RECV"),
    FIN_WAIT1(4, "FIN-WAIT-1", "FIN_WAIT1"),
    FIN_WAIT2(5, "FIN-WAIT-2", "FIN_WAIT2"),
    TIME_WAIT(6, "TIME-WAIT", "TIME_WAIT"),
    CLOSE(7, "UNCONN", "CLOSE"),
    CLOSE_WAIT(8, "CLOSE-WAIT", "CLOSE_WAIT"),
    LAST_ACK(9, "LAST-ACK", "LAST_ACK"),
    LISTEN(10, "LISTEN", "LISTEN"),
    CLOSING(11, "CLOSING", "CLOSING");

    private final int number;
    private final String ss;
    private final String netstat;

    TcpState(int number, String ss, String netstat) {
        this.number = number;
        this.ss = ss;
        this.netstat = netstat;
    }

    /** The kernel's number ({@code idiag_state}, the {@code st} column of {@code /proc/net/tcp}). */
    public int number() {
        return number;
    }

    /** The bit of this state in {@code idiag_states}, and in ss's state filters. */
    public int bit() {
        return 1 << number;
    }

    /** What {@code ss} prints in its State column. */
    public String ssName() {
        return ss;
    }

    /** What {@code netstat} prints in its State column. */
    public String netstatName() {
        return netstat;
    }

    public static Optional<TcpState> of(int number) {
        for (TcpState s : values()) {
            if (s.number == number) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
