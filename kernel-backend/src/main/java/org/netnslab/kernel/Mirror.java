package org.netnslab.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.netnslab.kernel.netlink.AddressMessage;
import org.netnslab.kernel.netlink.Family;
import org.netnslab.kernel.netlink.LinkMessage;
import org.netnslab.kernel.netlink.Message;
import org.netnslab.kernel.netlink.NlMsgType;
import org.netnslab.kernel.netlink.NsidMessage;
import org.netnslab.kernel.netlink.RouteMessage;
import org.netnslab.kernel.netlink.RtMsg;

/**
 * What the backend knows of one namespace between two looks, kept by what the kernel says as things change
 * ({@code RTM_NEWLINK}, {@code RTM_NEWADDR}, {@code RTM_NEWROUTE}, {@code RTM_NEWNSID} and their deletions, as
 * {@code ip monitor} hears them), so that a change costs what it changed, not a dump of everything there is.
 *
 * <p>What notifications do not tell is asked again, for the one link concerned: the order of a link's
 * addresses ({@link #staleAddresses}), and a link's main routes after its carrier or state changed, which
 * flushes them or flips their {@code linkdown} without a word ({@link #staleRoutes}). A queue that overflowed
 * loses notifications: then everything is read again ({@link #lost}).
 */
final class Mirror {

    /** Links by index, in the order a dump gives them. */
    final TreeMap<Integer, LinkMessage> links = new TreeMap<>();
    private final Map<String, Integer> byName = new HashMap<>();
    /** Each link's addresses, IPv4 then IPv6, in the kernel's order unless the link is in {@link #staleAddresses}. */
    final Map<Integer, List<AddressMessage>> addresses = new HashMap<>();
    final Set<Integer> staleAddresses = new HashSet<>();
    /** The main table's IPv4 routes through each link, in the kernel's order unless in {@link #staleRoutes}. */
    final Map<Integer, List<RouteMessage>> routes = new HashMap<>();
    final Set<Integer> staleRoutes = new HashSet<>();
    /** The ids this namespace gave others; ids it gave that are not attributed to a namespace yet. */
    final Map<LabNamespace, Integer> ids = new LinkedHashMap<>();
    final Set<Integer> unattributedIds = new LinkedHashSet<>();
    /**
     * Veths whose other end moved to another namespace: the kernel said nothing of them, and describes them
     * afresh only when asked, which gives that namespace an id here, as a dump would.
     */
    final Set<Integer> peerMoved = new LinkedHashSet<>();
    /** When each main route was first heard of: routes of one prefix on two links come in that order. */
    private final Map<Integer, Map<List<Object>, Long>> heard = new HashMap<>();
    private long heardCount;
    /** The links the kernel spoke of since they were last taken ({@link #takeChanged}). */
    private final Set<Integer> changed = new LinkedHashSet<>();
    /** Notifications were lost: nothing here can be trusted until it is read again. */
    boolean lost = true;
    /** Bumped whenever what a view of links shows may have changed, for views to know when to build again. */
    long linkVersion;
    long addressVersion;
    long routeVersion;
    /**
     * What changed since the last view, for views to redo those alone: links described anew, links whose
     * addresses or main routes changed, and whether a link went.
     */
    final Set<Integer> viewLinks = new LinkedHashSet<>();
    final Set<Integer> viewAddresses = new LinkedHashSet<>();
    final Set<Integer> viewRoutes = new LinkedHashSet<>();
    boolean viewRemoved = true;
    /** Bumped when the ids change: a veth's record names its peer's namespace by the id. */
    long idsVersion;
    /**
     * Links of other namespaces whose records show one of this namespace's (a veth's other end), by the
     * index here: when it changes, theirs is made again.
     */
    private final Map<Integer, Set<Watcher>> watchers = new HashMap<>();

    /** A link of some namespace's mirror, by its index there. */
    record Watcher(Mirror mirror, int index) {}

    void watch(int index, Watcher w) {
        watchers.computeIfAbsent(index, i -> new LinkedHashSet<>()).add(w);
    }

    private void tellWatchers(int index) {
        Set<Watcher> ws = watchers.get(index);
        if (ws != null) {
            for (Watcher w : ws) {
                w.mirror().viewLinks.add(w.index());
            }
        }
    }

    /** Applies one notification (or one answer to a look), whatever it is about. */
    void apply(Message m) {
        switch (m.type()) {
            case NlMsgType.RTM_NEWLINK -> {
                if (family(m) == Family.AF_UNSPEC) {
                    put(LinkMessage.parse(m));
                }
            }
            case NlMsgType.RTM_DELLINK -> {
                // a bridge also speaks of its ports as AF_BRIDGE links: those are not the links themselves
                if (family(m) == Family.AF_UNSPEC) {
                    remove(LinkMessage.parse(m).index());
                }
            }
            case NlMsgType.RTM_NEWADDR -> putAddress(AddressMessage.parse(m));
            case NlMsgType.RTM_DELADDR -> removeAddress(AddressMessage.parse(m));
            case NlMsgType.RTM_NEWROUTE -> route(RouteMessage.parse(m), true);
            case NlMsgType.RTM_DELROUTE -> route(RouteMessage.parse(m), false);
            case NlMsgType.RTM_NEWNSID -> {
                NsidMessage n = NsidMessage.parse(m);
                if (n.assigned() && !ids.containsValue(n.nsid())) {
                    unattributedIds.add(n.nsid());
                }
            }
            case NlMsgType.RTM_DELNSID -> {
                NsidMessage n = NsidMessage.parse(m);
                unattributedIds.remove(n.nsid());
                if (ids.values().removeIf(id -> id == n.nsid())) {
                    linkVersion++;
                    idsVersion++;
                }
            }
            default -> {
                // nothing else is heard
            }
        }
    }

    private static int family(Message m) {
        return Byte.toUnsignedInt(m.body().get());
    }

    /** A link as the kernel described it last. */
    void put(LinkMessage l) {
        LinkMessage before = links.put(l.index(), l);
        if (l.equals(before)) {
            // asked again and found the same: nothing a view shows changed
            changed.add(l.index());
            return;
        }
        if (before != null && !before.name().equals(l.name())) {
            byName.remove(before.name(), before.index());
        }
        byName.put(l.name(), l.index());
        changed.add(l.index());
        viewLinks.add(l.index());
        tellWatchers(l.index());
        if (before != null && !before.name().equals(l.name())) {
            // its addresses and routes show its name, and so do its ports, which the kernel does not tell again
            viewAddresses.add(l.index());
            viewRoutes.add(l.index());
            for (LinkMessage port : links.values()) {
                if (port.master() == l.index()) {
                    viewLinks.add(port.index());
                }
            }
        }
        linkVersion++;
        if (before == null || before.adminUp() != l.adminUp() || before.lowerUp() != l.lowerUp()) {
            // going down flushes its routes and a carrier flips their linkdown, neither of which is notified
            staleRoutes.add(l.index());
            routeVersion++;
        }
    }

    /** A link that went: with its addresses and routes. */
    void remove(int index) {
        LinkMessage gone = links.remove(index);
        if (gone != null) {
            byName.remove(gone.name(), index);
        }
        changed.add(index);
        if (addresses.remove(index) != null) {
            addressVersion++;
        }
        viewRemoved = true;
        viewAddresses.add(index);
        viewRoutes.add(index);
        tellWatchers(index);
        watchers.remove(index);
        staleAddresses.remove(index);
        if (routes.remove(index) != null) {
            routeVersion++;
        }
        staleRoutes.remove(index);
        heard.remove(index);
        peerMoved.remove(index);
        linkVersion++;
    }

    Optional<LinkMessage> link(String name) {
        Integer index = byName.get(name);
        return index == null ? Optional.empty() : Optional.ofNullable(links.get(index));
    }

    Optional<LinkMessage> link(int index) {
        return Optional.ofNullable(links.get(index));
    }

    /** The links spoken of since the last time, and forgets them. */
    Set<Integer> takeChanged() {
        Set<Integer> out = new LinkedHashSet<>(changed);
        changed.clear();
        return out;
    }

    // ------------------------------------------------------------------------------------------ addresses

    private static boolean same(AddressMessage a, AddressMessage b) {
        return a.family() == b.family() && a.index() == b.index()
                && a.header().prefixLength() == b.header().prefixLength() && Arrays.equals(a.printed(), b.printed());
    }

    private void addressesChanged(int index) {
        addressVersion++;
        viewAddresses.add(index);
    }

    private void putAddress(AddressMessage a) {
        List<AddressMessage> list = addresses.computeIfAbsent(a.index(), i -> new ArrayList<>());
        for (int i = 0; i < list.size(); i++) {
            if (same(list.get(i), a)) {
                list.set(i, a);
                addressesChanged(a.index());
                return;
            }
        }
        list.add(a);
        // where the kernel put it among the link's others (by scope, secondaries last) is read back
        staleAddresses.add(a.index());
        addressesChanged(a.index());
    }

    private void removeAddress(AddressMessage a) {
        List<AddressMessage> list = addresses.get(a.index());
        if (list != null && list.removeIf(x -> same(x, a))) {
            addressesChanged(a.index());
        }
    }

    /** A link's addresses as one dump of them gave them, in the kernel's order. */
    void replaceAddresses(int index, List<AddressMessage> read) {
        if (read.isEmpty()) {
            addresses.remove(index);
        } else {
            addresses.put(index, new ArrayList<>(read));
        }
        staleAddresses.remove(index);
        addressesChanged(index);
    }

    // ------------------------------------------------------------------------------------------ routes

    private static List<Object> key(RouteMessage r) {
        return List.of(r.prefix(), r.header().tos(), r.priority(), r.outputInterface(), r.gateway());
    }

    /** When a route was first heard of, for the order of routes of one prefix and metric on several links. */
    long heard(RouteMessage r) {
        return heard.getOrDefault(r.outputInterface(), Map.of()).getOrDefault(key(r), Long.MAX_VALUE);
    }

    private void route(RouteMessage r, boolean added) {
        if (r.table() != RtMsg.RT_TABLE_MAIN || r.cloned() || r.header().family() != Family.AF_INET) {
            return;
        }
        Map<List<Object>, Long> mine = heard.computeIfAbsent(r.outputInterface(), i -> new HashMap<>());
        if (added) {
            // one that was flushed without a word comes back as new, last among its equals
            mine.put(key(r), heardCount++);
        } else {
            mine.remove(key(r));
        }
        // the order of a link's routes, and their flags, are read back once something changed there
        staleRoutes.add(r.outputInterface());
        routeVersion++;
    }

    /**
     * The order of the main routes as a dump of the whole table gave them: after a route was put before others
     * of its prefix and metric ({@code ip route prepend}, or {@code replace} in the place of the first), the order
     * they were heard in is not theirs any more.
     */
    void heardInOrder(List<RouteMessage> dump) {
        for (RouteMessage r : dump) {
            heard.computeIfAbsent(r.outputInterface(), i -> new HashMap<>()).put(key(r), heardCount++);
        }
        viewRoutes.addAll(routes.keySet());
        routeVersion++;
    }

    /** A link's main routes as one dump of them gave them, in the kernel's order. */
    void replaceRoutes(int outputInterface, List<RouteMessage> read) {
        Map<List<Object>, Long> mine = heard.computeIfAbsent(outputInterface, i -> new HashMap<>());
        Set<List<Object>> there = new HashSet<>();
        for (RouteMessage r : read) {
            there.add(key(r));
            mine.putIfAbsent(key(r), heardCount++);
        }
        mine.keySet().retainAll(there);
        List<RouteMessage> before = routes.get(outputInterface);
        if (read.isEmpty()) {
            routes.remove(outputInterface);
        } else {
            routes.put(outputInterface, new ArrayList<>(read));
        }
        staleRoutes.remove(outputInterface);
        if (before == null ? !read.isEmpty() : !before.equals(read)) {
            routeVersion++;
            viewRoutes.add(outputInterface);
        }
    }

    /** Forgets everything, before it is all read again. */
    void clear() {
        links.clear();
        byName.clear();
        addresses.clear();
        staleAddresses.clear();
        routes.clear();
        staleRoutes.clear();
        viewRemoved = true;
        heard.clear();
        peerMoved.clear();
        changed.clear();
        linkVersion++;
        addressVersion++;
        routeVersion++;
    }
}
