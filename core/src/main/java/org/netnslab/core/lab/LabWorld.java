package org.netnslab.core.lab;

import java.util.Optional;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.RouteSpec;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * The world every lab starts from, on every backend, so that their transcripts compare: the learner's host
 * with {@code eth0} to a hidden upstream that stands for the internet. Only documentation addresses
 * (RFC 5737) are used, and no traffic leaves the lab.
 *
 * <pre>
 *   host:     lo up; eth0 203.0.113.2/24 up; default via 203.0.113.1; forwarding off; no NAT rules
 *   upstream: eth0 203.0.113.1/24 up; lo up with 198.51.100.8/32, the stand-in for a public server
 * </pre>
 *
 * The steps are those of {@code shared/tools/real-transcript}, in its order, so that interface indexes
 * come out the same.
 */
public final class LabWorld {

    public static final String UPLINK = "eth0";
    public static final Ipv4Cidr HOST_UPLINK = Ipv4Cidr.parse("203.0.113.2/24");
    public static final Ipv4Cidr UPSTREAM_UPLINK = Ipv4Cidr.parse("203.0.113.1/24");
    public static final Ipv4Address GATEWAY = UPSTREAM_UPLINK.address();
    /** The public server of the lab: what the tutorials call 8.8.8.8. */
    public static final Ipv4Address INTERNET = Ipv4Address.parse("198.51.100.8");

    private LabWorld() {}

    /** Builds the world on a backend whose host and upstream namespaces exist, bare (only {@code lo}, down). */
    public static void build(Backend backend) throws KernelException {
        String host = Backend.HOST;
        String up = Backend.UPSTREAM;
        backend.setLinkUp(host, "lo", true);
        backend.addVeth(host, UPLINK, UPLINK, Optional.of(up));
        backend.setLinkUp(up, "lo", true);
        backend.addAddress(up, UPLINK, UPSTREAM_UPLINK);
        backend.addAddress(up, "lo", new Ipv4Cidr(INTERNET, 32));
        backend.setLinkUp(up, UPLINK, true);
        backend.addAddress(host, UPLINK, HOST_UPLINK);
        backend.setLinkUp(host, UPLINK, true);
        backend.addRoute(host, new RouteSpec(Ipv4Cidr.DEFAULT, Optional.of(GATEWAY), Optional.empty()));
    }
}
