package org.netnslab.core.command;

import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.RouteSpec;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * A command line, understood: what a tool makes of its arguments, ready to run in a namespace. Each tool's
 * commands are its own and run themselves; a line the tool refuses before it does anything is an
 * {@link Invalid} with its own words.
 *
 * <p>The records below are the commands of the tools that have not moved to their packages yet; the shell's
 * executor runs them.
 */
public interface Command {

    /**
     * Runs the command as if typed in namespace {@code ns} ({@link org.netnslab.core.backend.Backend#HOST}
     * for the host) and prints what the real tool prints: its output, or its error and exit status. A
     * refusal of the kernel that the tool does not word itself is thrown, for the shell to print as
     * iproute2 does ({@link KernelErrors}).
     */
    default CommandResult run(Context context, String ns) throws KernelException {
        throw new IllegalStateException("the shell's executor runs " + this);
    }




    /** {@code ip netns add NAME}. */
    record NetnsAdd(String name) implements Command {}

    /** {@code ip netns del NAME}. */
    record NetnsDelete(String name) implements Command {}

    /** {@code ip netns [list]}. */
    record NetnsList() implements Command {}

    /**
     * {@code ip link add NAME type veth [peer [name PEER] [netns NS]]} or {@code ip link add [name] NAME type
     * bridge}. A name left out is the kernel's to choose ({@code veth0}, {@code bridge0}, the lowest free).
     */
    record LinkAdd(Optional<String> name, LinkKind kind, Optional<String> peer, Optional<String> peerNamespace)
            implements Command {}

    /** {@code ip link del [dev] DEV}. */
    record LinkDelete(String device) implements Command {}

    /** {@code ip link set [dev] DEV CHANGE...}, applied in the order the tool applies them. */
    record LinkSet(String device, Optional<Boolean> up, Optional<String> namespace, Optional<Optional<String>> master)
            implements Command {}

    /** {@code ip [-br] link [show] [dev DEV] [type KIND] [master BR] [up]}. */
    record LinkShow(Optional<String> device, Optional<String> kind, Optional<String> master, boolean upOnly,
            boolean brief) implements Command {}

    /**
     * {@code ip addr add|del ADDR[/LEN] dev DEV}.
     *
     * @param lengthGiven whether a prefix length was typed: a delete without one is iproute2's wildcard deletion
     */
    record AddrChange(boolean add, Ipv4Cidr address, String device, boolean lengthGiven) implements Command {

        public AddrChange(boolean add, Ipv4Cidr address, String device) {
            this(add, address, device, true);
        }
    }

    /** {@code ip [-br] [-4] addr [show] [dev DEV] [up]}. */
    record AddrShow(Optional<String> device, boolean upOnly, boolean brief, boolean inet4Only) implements Command {}

    /** {@code ip route add|del ...}. */
    record RouteChange(boolean add, RouteSpec route) implements Command {}

    /** {@code ip route [show|list] [PREFIX] [dev DEV]}. */
    record RouteShow(Optional<Ipv4Cidr> prefix, Optional<String> device) implements Command {}

    /** {@code ip route get ADDR [from SRC] [iif DEV]}. */
    record RouteGet(Ipv4Address destination, Optional<Ipv4Address> from, Optional<String> inputInterface)
            implements Command {}

    /** {@code bash} (or {@code sh}) typed in an interactive shell: a new shell in the current namespace. */
    record Shell() implements Command {}

    /** {@code exit}: leave the shell that {@code ip netns exec NS bash} started. */
    record Exit() implements Command {}


}
