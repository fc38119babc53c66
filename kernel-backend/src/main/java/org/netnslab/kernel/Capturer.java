package org.netnslab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.netnslab.core.backend.Capture;
import org.netnslab.core.backend.CapturedFrame;
import org.netnslab.core.backend.KernelException;
import org.netnslab.kernel.sys.Namespaces;
import org.netnslab.kernel.sys.PacketSocket;
import org.netnslab.kernel.sys.SyscallException;

/**
 * tcpdump's packet socket on the kernel: opened inside the lab's namespace, on a thread of its own that enters
 * it, never in the machine's own; read without blocking whenever the terminal asks, until it is closed.
 */
final class Capturer implements Capture {

    private final PacketSocket socket;
    private final IntFunction<String> names;

    private Capturer(PacketSocket socket, IntFunction<String> names) {
        this.socket = socket;
        this.names = names;
    }

    /** @param ifindex the device's index in the namespace, 0 for every device; @param names its names by index */
    static Capture open(LabNamespace ns, int ifindex, IntFunction<String> names) throws KernelException {
        try {
            return new Capturer(Namespaces.enter(ns.fd, () -> PacketSocket.open(ifindex)), names);
        } catch (SyscallException e) {
            throw NetlinkCalls.failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<CapturedFrame> read() {
        List<CapturedFrame> out = new ArrayList<>();
        try {
            PacketSocket.Frame f;
            while ((f = socket.read()) != null) {
                String name = names.apply(f.ifindex());
                out.add(new CapturedFrame(f.micros(), name == null ? "?" : name, f.ifindex(), f.outgoing(), f.data()));
            }
        } catch (SyscallException e) {
            // a device that went away ends what its socket can read (ENETDOWN): what was read stays
        }
        return out;
    }

    @Override
    public void close() {
        socket.close();
    }
}
