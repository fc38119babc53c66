package org.netnslab.core.backend;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.model.BridgeOptions;
import org.netnslab.core.model.BridgePort;
import org.netnslab.core.model.FdbEntry;
import org.netnslab.core.model.InetSock;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.Neighbour;
import org.netnslab.core.model.RoutingRule;
import org.netnslab.core.model.netfilter.Chain;
import org.netnslab.core.model.netfilter.Policy;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Ruleset;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.core.net.MacAddress;

/**
 * The port every backend implements: one method per kernel operation a lab uses, a snapshot of the state,
 * and ping. A backend does what the kernel does, and refuses what the kernel refuses, with the kernel's
 * error ({@link KernelException}). Checks that the real tools make before they ask the kernel (a device
 * name that does not exist, a malformed address) belong to the command language, not here.
 *
 * <p>Namespaces are named by the lab: {@link #HOST} is the learner's machine, {@link #UPSTREAM} the hidden
 * internet, any other name one that the learner made with {@code ip netns add}. Both special names hold a
 * slash, which {@code ip netns add} refuses, so no learner's namespace can take them.
 *
 * <p>A backend is not thread-safe: a lab is driven by one learner, one command at a time.
 */
public interface Backend extends AutoCloseable {

    /** The learner's host: the namespace where commands without {@code ip netns exec} run. */
    String HOST = "/host";

    /** The hidden upstream: the other end of the host's {@code eth0}, not in {@code ip netns list}. */
    String UPSTREAM = "/upstream";

    /** A short name for logs and the UI: {@code sim} or {@code kernel}. */
    String name();

    /** Equivalent to: {@code ip netns add NAME}. Refuses a name that exists with {@link Errno#EEXIST}. */
    void addNamespace(String name) throws KernelException;

    /**
     * Equivalent to: {@code ip netns del NAME}. The namespace goes; its links go with it, and a veth's peer
     * in another namespace goes too.
     */
    void deleteNamespace(String name) throws KernelException;

    /** The learner's namespaces, oldest first. */
    List<String> namespaces();

    /**
     * Equivalent to: {@code ip -n NS link add NAME type veth peer name PEER [netns PEER_NS]}. Both ends are
     * made, or neither.
     *
     * @param peerNamespace where the peer end goes; the same namespace when empty
     */
    void addVeth(String ns, String name, String peer, Optional<String> peerNamespace) throws KernelException;

    /** Equivalent to: {@code ip -n NS link add name NAME type bridge}. */
    void addBridge(String ns, String name) throws KernelException;

    /** Equivalent to: {@code ip -n NS link set dev DEV up|down}. */
    void setLinkUp(String ns, String device, boolean up) throws KernelException;

    /** Equivalent to: {@code ip -n NS link set dev DEV netns TARGET}. */
    void setLinkNamespace(String ns, String device, String target) throws KernelException;

    /** Equivalent to: {@code ip -n NS link set dev DEV master BRIDGE}, or {@code nomaster} when empty. */
    void setMaster(String ns, String device, Optional<String> bridge) throws KernelException;

    /**
     * Equivalent to: {@code ip -n NS link set dev DEV mtu MTU}. Refused with {@link Errno#EINVAL} and the
     * kernel's words ("mtu less than device minimum", "mtu greater than device maximum") outside the device's
     * range; a bridge keeps an mtu set this way instead of following its ports' smallest.
     */
    default void setMtu(String ns, String device, int mtu) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to: {@code ip -n NS link set dev DEV address MAC}. Refused with {@link Errno#EADDRNOTAVAIL}
     * for a multicast or all-zero address; a bridge keeps an address set this way instead of taking its
     * ports' smallest.
     */
    default void setAddress(String ns, String device, MacAddress mac) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to: {@code ip -n NS link set dev DEV name NAME}. Refused with {@link Errno#EEXIST} when the
     * namespace has a device of that name; the same name is no change. Routes and addresses stay with the
     * device, and its addresses' labels follow it as {@code inetdev_changename} renames them.
     */
    default void setName(String ns, String device, String name) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /** Equivalent to: {@code ip -n NS link set dev DEV alias TEXT}: {@code IFLA_IFALIAS}; an empty one takes it away. */
    default void setAlias(String ns, String device, String alias) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to: {@code ip -n NS link set dev DEV [multicast on|off] [arp on|off] [allmulticast on|off]
     * [promisc on|off]}: the flags given, in one {@code ifi_change}; the others stay as they are.
     */
    default void setFlags(String ns, String device, LinkFlagChange change) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /** Equivalent to: {@code ip -n NS link set dev DEV txqueuelen N}: {@code IFLA_TXQLEN}, a u32. */
    default void setTxQueueLen(String ns, String device, int txQueueLen) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /** Equivalent to: {@code ip -n NS link del dev DEV}. A veth's peer goes too. */
    void deleteLink(String ns, String device) throws KernelException;

    /** Equivalent to: {@code ip -n NS addr add CIDR dev DEV}. */
    void addAddress(String ns, String device, Ipv4Cidr address) throws KernelException;

    /**
     * Equivalent to: {@code ip -n NS addr add CIDR [brd BRD] dev DEV [label LABEL]}: the address with its
     * broadcast address ({@code IFA_BROADCAST}) and its label ({@code IFA_LABEL}, the device's name when none).
     * A backend that keeps neither refuses them with {@link Errno#EOPNOTSUPP}.
     */
    default void addAddress(String ns, String device, Ipv4Cidr address, Optional<Ipv4Address> broadcast,
            Optional<String> label) throws KernelException {
        if (broadcast.isPresent() || label.isPresent()) {
            throw new KernelException(Errno.EOPNOTSUPP);
        }
        addAddress(ns, device, address);
    }

    /** Equivalent to: {@code ip -n NS addr del CIDR dev DEV}. */
    void deleteAddress(String ns, String device, Ipv4Cidr address) throws KernelException;

    /**
     * Equivalent to what {@code ip -n NS addr flush dev DEV} sends for an IPv6 address it dumped: {@code RTM_DELADDR}
     * of {@code AF_INET6} for PREFIX (as the dump printed it, {@code fe80::1/64}). Refused with
     * {@link Errno#EADDRNOTAVAIL} when the device has no such address. The kernel gives a device no new
     * link-local address until it is up again.
     */
    default void deleteInet6Address(String ns, String device, String prefix) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /** Equivalent to: {@code ip -n NS route add PREFIX [via GW] [dev DEV]}. */
    void addRoute(String ns, RouteSpec route) throws KernelException;

    /** Equivalent to: {@code ip -n NS route del PREFIX [via GW] [dev DEV]}. */
    void deleteRoute(String ns, RouteSpec route) throws KernelException;

    /**
     * Equivalent to: {@code ip -n NS route add|change|replace|prepend|append|test ROUTE}: RTM_NEWROUTE with the
     * flags of the mode. A backend that knows only {@code add} of a plain route refuses the rest with
     * {@link Errno#EOPNOTSUPP}.
     */
    default void modifyRoute(String ns, RouteSpec route, RouteModify mode) throws KernelException {
        if (mode != RouteModify.ADD || !route.plain()) {
            throw new KernelException(Errno.EOPNOTSUPP);
        }
        addRoute(ns, route);
    }

    /**
     * Equivalent to: {@code ip -n NS route get ADDR [from SRC iif DEV]}: the route one packet would take,
     * sent from this namespace, or arriving on {@code iif} from {@code from} when those are given.
     */
    RouteLookup getRoute(String ns, Ipv4Address destination, Optional<Ipv4Address> from, Optional<String> inputInterface)
            throws KernelException;

    /**
     * Equivalent to: {@code ip netns exec NS sysctl -w net.ipv4.ip_forward=VALUE}. The kernel keeps any
     * integer and forwards when it is not 0 (it also sets every link's {@code conf.*.forwarding}).
     */
    void setIpForward(String ns, int value) throws KernelException;

    /** Equivalent to: {@code ip netns exec NS iptables -t nat -A POSTROUTING [-s CIDR] [-o DEV] -j MASQUERADE}. */
    void appendMasquerade(String ns, NatRule rule) throws KernelException;

    /**
     * Equivalent to: {@code ip netns exec NS iptables -t nat -D POSTROUTING [-s CIDR] [-o DEV] -j MASQUERADE}:
     * deletes the first rule that is the same, or refuses with {@link Errno#ENOENT}.
     */
    void deleteMasquerade(String ns, NatRule rule) throws KernelException;

    /** Equivalent to: {@code ip netns exec NS iptables -t nat -F}. */
    void flushNat(String ns) throws KernelException;

    // ------------------------------------------------------------------------------------------ netfilter
    //
    // What iptables 1.8.9 (nf_tables) asks of the kernel, one batch each. A table (filter, nat) and a built-in
    // chain are made by the first command that needs them, as iptables-nft makes them; what iptables checks
    // before it asks (an option it does not know, a chain it does not find in what it read, a rule that is not
    // there for -D or -C, a rule number past the end) is the command's. Positions count from 1, as iptables
    // numbers rules. The defaults do, of this, what the masquerade methods above cover, and refuse the rest
    // with EOPNOTSUPP.

    /**
     * The namespace's iptables-nft tables with their chains, rules and counters, as the kernel holds them.
     * Equivalent to: {@code ip netns exec NS nft list ruleset} (what iptables reads before any command).
     */
    default Ruleset netfilter(String ns) throws KernelException {
        return namespace(ns).map(s -> MasqueradeShapes.ruleset(s.nat())).orElse(Ruleset.EMPTY);
    }

    /**
     * Equivalent to: {@code ip netns exec NS iptables -t TABLE -A CHAIN RULE}. Refused with {@link Errno#ENOENT}
     * when a jump's user chain is not there, {@link Errno#EINVAL} when the target is not allowed in the chain
     * (MASQUERADE outside nat POSTROUTING) or a jump would make a loop ({@link Errno#ELOOP}).
     */
    default void appendRule(String ns, Table table, String chain, Rule rule) throws KernelException {
        if (MasqueradeShapes.misplaced(table, chain, rule)) {
            throw new KernelException(Errno.EINVAL);
        }
        appendMasquerade(ns, MasqueradeShapes.natRule(table, chain, rule)
                .orElseThrow(() -> new KernelException(Errno.EOPNOTSUPP)));
    }

    /**
     * Equivalent to: {@code ip netns exec NS iptables -t TABLE -I CHAIN [POSITION] RULE}: the rule becomes
     * rule POSITION, those from there move down one. Refused as {@link #appendRule} is.
     */
    default void insertRule(String ns, Table table, String chain, int position, Rule rule) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to: {@code ip netns exec NS iptables -t TABLE -D CHAIN POSITION} (and {@code -D CHAIN RULE}, once
     * iptables has found which rule that is): deletes the rule by its handle. Refused with {@link Errno#ENOENT}
     * when there is no such rule.
     */
    default void deleteRule(String ns, Table table, String chain, int position) throws KernelException {
        List<Chain.RuleEntry> rules = netfilter(ns).table(table).flatMap(t -> t.chain(chain)).map(Chain::rules)
                .orElse(List.of());
        if (position < 1 || position > rules.size()) {
            throw new KernelException(Errno.ENOENT);
        }
        deleteMasquerade(ns, MasqueradeShapes.natRule(table, chain, rules.get(position - 1).rule())
                .orElseThrow(() -> new KernelException(Errno.EOPNOTSUPP)));
    }

    /**
     * Equivalent to: {@code ip netns exec NS iptables -t TABLE -R CHAIN POSITION RULE}: the rule in that place is
     * replaced, its counters start again from 0. Refused as {@link #appendRule} is, and with {@link Errno#ENOENT}
     * when there is no such rule.
     */
    default void replaceRule(String ns, Table table, String chain, int position, Rule rule) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to: {@code ip netns exec NS iptables -t TABLE -N CHAIN}. Refused with {@link Errno#EEXIST} when
     * the table has a chain of that name.
     */
    default void newChain(String ns, Table table, String chain) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to: {@code ip netns exec NS iptables -t TABLE -X [CHAIN]}: the user chain, or every user chain
     * of the table when empty, in one batch. Refused with {@link Errno#EBUSY} (and nothing deleted) when a
     * chain still holds rules or a rule jumps to it, {@link Errno#ENOENT} when it is not there.
     */
    default void deleteChain(String ns, Table table, Optional<String> chain) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to: {@code ip netns exec NS iptables -t TABLE -E CHAIN NEW_NAME}. Rules that jump to the chain
     * jump to it under its new name. Refused with {@link Errno#EEXIST} when NEW_NAME is taken.
     */
    default void renameChain(String ns, Table table, String chain, String newName) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /** Equivalent to: {@code ip netns exec NS iptables -t TABLE -P CHAIN ACCEPT|DROP}, on a built-in chain. */
    default void setPolicy(String ns, Table table, String chain, Policy policy) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to: {@code ip netns exec NS iptables -t TABLE -F [CHAIN]}: the chain's rules go, or every
     * chain's of the table when empty; chains and policies stay.
     */
    default void flushChain(String ns, Table table, Optional<String> chain) throws KernelException {
        if (table != Table.NAT) {
            throw new KernelException(Errno.EOPNOTSUPP);
        }
        if (chain.isEmpty() || chain.get().equals("POSTROUTING")) {
            flushNat(ns);
        }
    }

    /**
     * Equivalent to: {@code ip netns exec NS iptables -t TABLE -Z [CHAIN [POSITION]]}: the counters of one rule,
     * of a chain's rules and its policy, or of the whole table, start again from 0.
     */
    default void zeroCounters(String ns, Table table, Optional<String> chain, Optional<Integer> position)
            throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to: {@code ip netns exec NS ping -c COUNT [-I DEV] ADDR}. Throws what {@code connect} on
     * the socket would ({@link Errno#ENETUNREACH} when there is no route); otherwise the fate of each probe.
     */
    PingResult ping(String ns, PingRequest request) throws KernelException;

    /**
     * Equivalent to what {@code ip netns exec NS nc -l -p PORT} does before it waits: {@code socket(AF_INET,
     * SOCK_STREAM)}, {@code SO_REUSEADDR}, {@code bind(0.0.0.0:PORT)}, {@code listen(fd, 1)}, in NS. Refused with
     * {@link Errno#EADDRINUSE} when a socket of NS listens on the port already (this socket does not set
     * {@code SO_REUSEPORT}).
     *
     * <p>A backend that cannot do TCP refuses with {@link Errno#EOPNOTSUPP}.
     */
    default Listener listen(String ns, int port) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to what {@code ip netns exec NS nc ADDR PORT} does first: {@code socket(AF_INET, SOCK_STREAM)}
     * and a blocking {@code connect(ADDR:PORT)} in NS, which returns once the three-way handshake is done.
     * Refused as {@code connect} is: {@link Errno#ENETUNREACH} at once when NS has no route to ADDR;
     * {@link Errno#ECONNREFUSED} when the peer answers the SYN with a RST (nothing listens on the port);
     * {@link Errno#EHOSTUNREACH} or {@link Errno#ENETUNREACH} when an ICMP error comes back (nobody answers
     * ARP for the next hop: after three seconds); {@link Errno#ETIMEDOUT} when nothing comes back at all,
     * after the SYN was sent seven times (127 seconds).
     *
     * <p>A backend that cannot do TCP refuses with {@link Errno#EOPNOTSUPP}.
     */
    default Connection connect(String ns, Ipv4Address address, int port) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to what {@code ip netns exec NS ss -tan} asks of the kernel: a {@code SOCK_DIAG_BY_FAMILY} dump
     * ({@code struct inet_diag_req_v2}, {@code AF_INET}, {@code IPPROTO_TCP}, every state) on a
     * {@code NETLINK_SOCK_DIAG} socket of NS: the namespace's IPv4 TCP sockets in the kernel's order, listeners
     * first. Read-only.
     *
     * <p>A backend that cannot do TCP refuses with {@link Errno#EOPNOTSUPP}.
     */
    default List<InetSock> tcpSockets(String ns) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to: {@code ip -n NS link set BRIDGE type bridge [forward_delay N] [hello_time N] [max_age N]
     * [ageing_time N] [stp_state N] [priority N]}. Refused as {@code br_changelink} refuses:
     * {@link Errno#EOPNOTSUPP} for a link that is no bridge, {@link Errno#ERANGE} for a hello time or maximum
     * age out of STP's range (and a forward delay, while STP is on).
     */
    default void setBridgeOptions(String ns, String bridge, BridgeOptions options) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    // ------------------------------------------------------------------------------------------ captures

    /**
     * Equivalent to what {@code ip netns exec NS tcpdump -i DEV} opens: {@code socket(AF_PACKET, SOCK_RAW,
     * htons(ETH_P_ALL))} in NS, bound to DEV ({@code bind} with a {@code sockaddr_ll} of its index), or to every
     * device of NS when {@code device} is {@code any} (ifindex 0). Refused with {@link Errno#ENODEV} when NS
     * has no such device.
     *
     * <p>A backend that cannot capture refuses with {@link Errno#EOPNOTSUPP}.
     */
    default Capture capture(String ns, String device) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * The frames a device of NS sent and received since the lab began (or since it was made), oldest first,
     * as a capture open on it all along would have seen them: what the lab offers for download as a pcap.
     * Empty when the backend keeps none.
     */
    default List<CapturedFrame> history(String ns, String device) {
        return List.of();
    }

    /**
     * How many frames the lab's history has taken in so far, of all its devices: a mark to count from, so that
     * {@link #history(String, String, long)} gives what came after it (a step's packets, from the mark taken
     * as the step began). 0 when the backend keeps none.
     */
    default long historyMark() {
        return 0;
    }

    /** {@link #history(String, String)}, only the frames taken in after {@code mark} ({@link #historyMark()}). */
    default List<CapturedFrame> history(String ns, String device, long mark) {
        return mark <= 0 ? history(ns, device) : List.of();
    }

    // ------------------------------------------------------------------------------------------ rules

    /**
     * Equivalent to: {@code ip -n NS -4 rule show}: the namespace's IPv4 routing rules, in the kernel's order
     * (by preference).
     *
     * <p>A backend without a policy database refuses with {@link Errno#EOPNOTSUPP}.
     */
    default List<RoutingRule> routingRules(String ns) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    // ------------------------------------------------------------------------------------------ neighbours

    /**
     * Equivalent to: {@code ip -n NS -4 neigh show nud all}: every entry of the namespace's ARP table, NOARP and
     * NONE ones included, in the kernel's dump order (its hash order, which varies from one boot to the next).
     *
     * <p>A backend without a neighbour table refuses with {@link Errno#EOPNOTSUPP}.
     */
    default List<Neighbour> neighbours(String ns) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to: {@code ip -n NS neigh add|change|replace ADDR [lladdr MAC] nud STATE dev DEV}. Refused as
     * {@code neigh_add} refuses: {@link Errno#EEXIST} for an add of an entry that is there, {@link Errno#ENOENT}
     * for a change of one that is not, {@link Errno#EINVAL} with {@code No link layer address given} for a
     * valid state without a link-layer address, typed or held.
     */
    default void setNeighbour(String ns, NeighbourRequest request) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to: {@code ip -n NS neigh del ADDR dev DEV}. Refused with {@link Errno#ENOENT} when there is no
     * such entry.
     */
    default void deleteNeighbour(String ns, String device, Ipv4Address address) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    // ------------------------------------------------------------------------------------------ bridges

    /**
     * Equivalent to: {@code ip netns exec NS bridge link show}: every bridge port of the namespace, in ifindex
     * order, with its port state, priority and cost.
     *
     * <p>A backend without bridge views refuses with {@link Errno#EOPNOTSUPP}.
     */
    default List<BridgePort> bridgePorts(String ns) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to: {@code ip netns exec NS bridge fdb show}: device by device in ifindex order, what each
     * port's bridge holds for it, then the device's own address lists.
     */
    default List<FdbEntry> fdb(String ns) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to: {@code ip netns exec NS bridge fdb del MAC dev DEV self|master}. Refused with
     * {@link Errno#ENOENT} when there is no such entry.
     */
    default void deleteFdb(String ns, String device, MacAddress mac, boolean self) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * Equivalent to what {@code ip -n NS netns list} asks of the kernel for each name ({@code RTM_GETNSID}):
     * the ids NS has given the lab's other namespaces, by name; empty if there is no such namespace. Asking
     * numbers nothing, unlike a dump of NS's links, which numbers the namespaces of its veths' peers.
     */
    Map<String, Integer> netnsIds(String ns);

    /**
     * Equivalent to: {@code ip -n NS netns set PEER ID}: {@code RTM_NEWNSID} in NS, naming PEER by a descriptor
     * of it, with the id, or -1 for {@code auto} (the lowest id NS has not given). Refused as
     * {@code rtnl_net_newid} refuses: {@link Errno#EEXIST} with its extended ack when NS gave PEER an id already
     * ({@code Peer netns already has a nsid assigned}) or gave this id to another ({@code The specified nsid is
     * already used}).
     */
    default void setNetnsId(String ns, String peer, int id) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * One namespace's state, as dumps from inside it see it (a dump of its links numbers the namespaces of
     * its veths' peers, as {@code rtnl_fill_link_netnsid} does); empty if there is no such namespace.
     */
    Optional<NamespaceState> namespace(String ns);

    /**
     * Link {@code name} of namespace {@code ns} as a dump would show it, asked for alone: what a tool's look-up
     * of a name before it acts costs the kernel ({@code if_nametoindex}), not a dump of every link. Empty when
     * there is no such link or namespace. Looking up numbers no namespace.
     */
    default Optional<Link> link(String ns, String name) {
        return namespace(ns).flatMap(s -> s.link(name));
    }

    /** The whole lab's state, settled: what the kernel shows once links have their carrier. */
    LabState snapshot();

    /** Ends the lab: every namespace it made goes. */
    @Override
    void close();

    // ------------------------------------------------------------------------------ sysctl, per namespace

    /**
     * The value of a modelled key in namespace {@code ns}, as its /proc/sys file reads without the newline;
     * empty when the key names a device the namespace does not have.
     * Equivalent to: {@code ip netns exec NS sysctl -n KEY}.
     *
     * <p>This default knows {@code ip_forward} alone, through {@link #setIpForward}; the backends know all.
     */
    default Optional<Integer> sysctl(String ns, SysctlKey key) {
        return key.key().equals(SysctlKey.IP_FORWARD) ? namespace(ns).map(NamespaceState::ipForward) : Optional.empty();
    }

    /**
     * Sets a modelled key in namespace {@code ns}, with the kernel's side effects ({@code devinet.c}):
     * {@code ip_forward} and {@code conf.all.forwarding} are one value, and setting it sets every
     * {@code conf.*.forwarding}; setting {@code conf.default.KEY} sets KEY of every link that was not set
     * itself; a link made later starts with {@code conf.default}'s values.
     * Equivalent to: {@code ip netns exec NS sysctl -w KEY=VALUE}.
     *
     * @throws KernelException ENOENT when the key names a device the namespace does not have
     */
    default void setSysctl(String ns, SysctlKey key, int value) throws KernelException {
        if (!key.key().equals(SysctlKey.IP_FORWARD)) {
            throw new KernelException(Errno.ENOENT);
        }
        setIpForward(ns, value);
    }
}
