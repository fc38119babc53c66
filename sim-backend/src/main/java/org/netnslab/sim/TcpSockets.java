package org.netnslab.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The TCP sockets of one namespace: listeners by port (a lab's listeners bind every address), and the
 * others by their four addresses ({@code tcp_hashinfo}'s listening and established hashes). A socket whose
 * time is up (TIME_WAIT, an orphan in FIN_WAIT2) goes when it is next looked for.
 */
final class TcpSockets {

    private final Map<Integer, TcpSocket> listening = new HashMap<>();
    private final Map<TcpSocket.Key, TcpSocket> connected = new LinkedHashMap<>();

    Optional<TcpSocket> listener(int port) {
        return Optional.ofNullable(listening.get(port));
    }

    void addListener(TcpSocket s) {
        listening.put(s.localPort, s);
    }

    void removeListener(TcpSocket s) {
        listening.remove(s.localPort, s);
    }

    Optional<TcpSocket> connection(TcpSocket.Key key, long now) {
        TcpSocket s = connected.get(key);
        if (s != null && s.expiresAt != 0 && now >= s.expiresAt) {
            connected.remove(key, s);
            s.state = TcpSocket.State.CLOSE;
            return Optional.empty();
        }
        return Optional.ofNullable(s);
    }

    void add(TcpSocket s) {
        connected.put(s.key(), s);
    }

    void remove(TcpSocket s) {
        connected.remove(s.key(), s);
    }

    /** Whether a socket of this namespace has the local port, to connect from or listen on. */
    boolean portInUse(int port, long now) {
        if (listening.containsKey(port)) {
            return true;
        }
        for (TcpSocket s : new ArrayList<>(connected.values())) {
            if (s.localPort == port && connection(s.key(), now).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * What {@code inet_diag_dump_icsk} walks: the listeners (here by port; the kernel's listening hash orders them
     * by a hash of the namespace and the port), then the other sockets in the order they were made; a socket whose
     * time is up is gone.
     */
    List<TcpSocket> dump(long now) {
        List<TcpSocket> out = new ArrayList<>();
        listening.keySet().stream().sorted().forEach(port -> out.add(listening.get(port)));
        for (TcpSocket s : new ArrayList<>(connected.values())) {
            if (connection(s.key(), now).isPresent() && !s.over()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every socket, for a namespace that goes away. */
    List<TcpSocket> all() {
        List<TcpSocket> all = new ArrayList<>(listening.values());
        all.addAll(connected.values());
        return all;
    }

    void clear() {
        listening.clear();
        connected.clear();
    }
}
