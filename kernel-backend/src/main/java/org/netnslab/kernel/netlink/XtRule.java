package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.kernel.netlink.XtMatch.Neg;

/**
 * An iptables rule as iptables-nft 1.8.9 lays it out in nf_tables expressions: first the fields of
 * {@code struct ipt_entry} in its order ({@code -i}, {@code -o}, {@code -p}, {@code -s}, {@code -d}), then
 * the matches in the order of the command line, a counter, and the target. The same rule read back from a
 * dump gives this record again, so that what the real {@code iptables -S} reads is what this backend reads.
 *
 * @param source a network (host bits clear); none for {@code 0.0.0.0/0}
 * @param in an interface name, {@code eth+} for a prefix
 * @param protocol an IP protocol number ({@code -p tcp} is 6)
 */
public record XtRule(Optional<Neg<String>> in, Optional<Neg<String>> out, Optional<Neg<Integer>> protocol,
        Optional<Neg<Ipv4Cidr>> source, Optional<Neg<Ipv4Cidr>> destination, List<XtMatch> matches,
        XtTarget target) {

    /** {@code NFT_RULE_COMPAT_F_INV}: {@code ! -p}. */
    static final int NFT_RULE_COMPAT_F_INV = 1 << 1;

    public XtRule {
        matches = List.copyOf(matches);
    }

    /** The expressions iptables-nft sends for this rule, its counter at zero. */
    public List<NftExpr> expressions() {
        return expressions(new NftExpr.Counter(0, 0));
    }

    public List<NftExpr> expressions(NftExpr.Counter counter) {
        List<NftExpr> out = new ArrayList<>();
        in.ifPresent(i -> iface(out, NftExpr.Meta.NFT_META_IIFNAME, i));
        this.out.ifPresent(o -> iface(out, NftExpr.Meta.NFT_META_OIFNAME, o));
        protocol.ifPresent(p -> {
            out.add(new NftExpr.Meta(NftExpr.Meta.NFT_META_L4PROTO, NftExpr.NFT_REG_1));
            out.add(new NftExpr.Cmp(NftExpr.NFT_REG_1, op(p.not()), new byte[] {(byte) (int) p.value()}));
        });
        source.ifPresent(s -> address(out, NftExpr.Payload.IPV4_SADDR, s));
        destination.ifPresent(d -> address(out, NftExpr.Payload.IPV4_DADDR, d));
        for (XtMatch m : matches) {
            out.addAll(m.expressions());
        }
        out.add(counter);
        out.addAll(target.expressions());
        return out;
    }

    /** {@code NFTA_RULE_COMPAT}'s protocol and flags: what {@code -p} says, 0 without one. */
    public int compatProtocol() {
        return protocol.map(Neg::value).orElse(0);
    }

    public int compatFlags() {
        return protocol.filter(Neg::not).isPresent() ? NFT_RULE_COMPAT_F_INV : 0;
    }

    private static void iface(List<NftExpr> out, int key, Neg<String> dev) {
        out.add(new NftExpr.Meta(key, NftExpr.NFT_REG_1));
        byte[] b = dev.value().getBytes(StandardCharsets.UTF_8);
        byte[] data = dev.value().endsWith("+") ? Arrays.copyOf(b, b.length - 1) : Arrays.copyOf(b, b.length + 1);
        out.add(new NftExpr.Cmp(NftExpr.NFT_REG_1, op(dev.not()), data));
    }

    private static void address(List<NftExpr> out, int offset, Neg<Ipv4Cidr> c) {
        Ipv4Cidr cidr = c.value();
        if (cidr.prefixLength() == 0) {
            return;
        }
        byte[] network = cidr.network().address().toBytes();
        if (cidr.prefixLength() % 8 == 0) {
            int len = cidr.prefixLength() / 8;
            out.add(new NftExpr.Payload(NftExpr.NFT_REG_1, NftExpr.Payload.NFT_PAYLOAD_NETWORK_HEADER, offset, len));
            out.add(new NftExpr.Cmp(NftExpr.NFT_REG_1, op(c.not()), Arrays.copyOf(network, len)));
        } else {
            out.add(new NftExpr.Payload(NftExpr.NFT_REG_1, NftExpr.Payload.NFT_PAYLOAD_NETWORK_HEADER, offset, 4));
            out.add(new NftExpr.Bitwise(NftExpr.NFT_REG_1, NftExpr.NFT_REG_1, new Ipv4Address(cidr.mask()).toBytes(),
                    new byte[4]));
            out.add(new NftExpr.Cmp(NftExpr.NFT_REG_1, op(c.not()), network));
        }
    }

    private static int op(boolean not) {
        return not ? NftExpr.Cmp.NFT_CMP_NEQ : NftExpr.Cmp.NFT_CMP_EQ;
    }

    /**
     * Reads a rule back from its expressions, as iptables-nft's {@code nft_rule_to_iptables_command_state}
     * does; empty when they are not what iptables-nft writes (a rule made by {@code nft} itself).
     */
    public static Optional<XtRule> parse(List<NftExpr> exprs) {
        Optional<Neg<String>> in = Optional.empty();
        Optional<Neg<String>> out = Optional.empty();
        Optional<Neg<Integer>> protocol = Optional.empty();
        Optional<Neg<Ipv4Cidr>> source = Optional.empty();
        Optional<Neg<Ipv4Cidr>> destination = Optional.empty();
        List<XtMatch> matches = new ArrayList<>();
        XtTarget target = new XtTarget.None();
        boolean targetSeen = false;
        for (int i = 0; i < exprs.size(); i++) {
            NftExpr e = exprs.get(i);
            NftExpr next = i + 1 < exprs.size() ? exprs.get(i + 1) : null;
            if (targetSeen) {
                return Optional.empty();
            }
            if (e instanceof NftExpr.Meta meta && next instanceof NftExpr.Cmp cmp && cmp.op() <= NftExpr.Cmp.NFT_CMP_NEQ) {
                boolean not = cmp.op() == NftExpr.Cmp.NFT_CMP_NEQ;
                switch (meta.key()) {
                    case NftExpr.Meta.NFT_META_IIFNAME -> in = Optional.of(new Neg<>(not, interfaceOf(cmp.data())));
                    case NftExpr.Meta.NFT_META_OIFNAME -> out = Optional.of(new Neg<>(not, interfaceOf(cmp.data())));
                    case NftExpr.Meta.NFT_META_L4PROTO -> {
                        if (cmp.data().length != 1) {
                            return Optional.empty();
                        }
                        protocol = Optional.of(new Neg<>(not, cmp.data()[0] & 0xff));
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
                i++;
            } else if (e instanceof NftExpr.Payload p && p.base() == NftExpr.Payload.NFT_PAYLOAD_NETWORK_HEADER
                    && (p.offset() == NftExpr.Payload.IPV4_SADDR || p.offset() == NftExpr.Payload.IPV4_DADDR)
                    && p.len() >= 1 && p.len() <= 4) {
                int prefix = p.len() * 8;
                int j = i + 1;
                if (j < exprs.size() && exprs.get(j) instanceof NftExpr.Bitwise b && b.mask().length == 4) {
                    prefix = Integer.bitCount(Ipv4Address.fromBytes(b.mask(), 0).bits());
                    j++;
                }
                if (!(j < exprs.size() && exprs.get(j) instanceof NftExpr.Cmp cmp
                        && cmp.op() <= NftExpr.Cmp.NFT_CMP_NEQ)) {
                    return Optional.empty();
                }
                NftExpr.Cmp addr = (NftExpr.Cmp) exprs.get(j);
                Neg<Ipv4Cidr> c = new Neg<>(addr.op() == NftExpr.Cmp.NFT_CMP_NEQ,
                        new Ipv4Cidr(Ipv4Address.fromBytes(Arrays.copyOf(addr.data(), 4), 0), prefix));
                if (p.offset() == NftExpr.Payload.IPV4_SADDR) {
                    source = Optional.of(c);
                } else {
                    destination = Optional.of(c);
                }
                i = j;
            } else if (e instanceof NftExpr.Payload p && p.base() == NftExpr.Payload.NFT_PAYLOAD_TRANSPORT_HEADER
                    && protocol.isPresent() && !protocol.get().not()) {
                Optional<Neg<XtMatch.PortRange>> sport = Optional.empty();
                Optional<Neg<XtMatch.PortRange>> dport = Optional.empty();
                if (p.offset() == XtMatch.Ports.SPORT && p.len() == 4 && next instanceof NftExpr.Cmp cmp
                        && cmp.data().length == 4 && cmp.op() <= NftExpr.Cmp.NFT_CMP_NEQ) {
                    boolean not = cmp.op() == NftExpr.Cmp.NFT_CMP_NEQ;
                    ByteBuffer b = ByteBuffer.wrap(cmp.data());
                    sport = Optional.of(new Neg<>(not, XtMatch.PortRange.of(b.getShort(0) & 0xffff)));
                    dport = Optional.of(new Neg<>(not, XtMatch.PortRange.of(b.getShort(2) & 0xffff)));
                } else if ((p.offset() == XtMatch.Ports.SPORT || p.offset() == XtMatch.Ports.DPORT) && p.len() == 2) {
                    Optional<Neg<XtMatch.PortRange>> port = port(next);
                    if (port.isEmpty()) {
                        return Optional.empty();
                    }
                    if (p.offset() == XtMatch.Ports.SPORT) {
                        sport = port;
                    } else {
                        dport = port;
                    }
                } else {
                    return Optional.empty();
                }
                int last = matches.size() - 1;
                if (last >= 0 && matches.get(last) instanceof XtMatch.Ports before && before.dport().isEmpty()
                        && sport.isEmpty()) {
                    matches.set(last, new XtMatch.Ports(before.protocol(), before.sport(), dport));
                } else {
                    matches.add(new XtMatch.Ports(protocol.get().value(), sport, dport));
                }
                i++;
            } else if (e instanceof NftExpr.Match m) {
                matches.add(XtMatch.of(m));
            } else if (e instanceof NftExpr.Counter) {
                continue;
            } else if (e instanceof NftExpr.Immediate || e instanceof NftExpr.Target) {
                target = XtTarget.of(e);
                if (target instanceof XtTarget.Other && e instanceof NftExpr.Immediate) {
                    return Optional.empty();
                }
                targetSeen = true;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new XtRule(in, out, protocol, source, destination, matches, target));
    }

    /** The rule's counter, as the dump gave it. */
    public static NftExpr.Counter counter(List<NftExpr> exprs) {
        return exprs.stream().filter(e -> e instanceof NftExpr.Counter).map(e -> (NftExpr.Counter) e).findFirst()
                .orElse(new NftExpr.Counter(0, 0));
    }

    private static Optional<Neg<XtMatch.PortRange>> port(NftExpr next) {
        if (next instanceof NftExpr.Cmp cmp && cmp.data().length == 2 && cmp.op() <= NftExpr.Cmp.NFT_CMP_NEQ) {
            return Optional.of(new Neg<>(cmp.op() == NftExpr.Cmp.NFT_CMP_NEQ, XtMatch.PortRange.of(u16(cmp.data()))));
        }
        if (next instanceof NftExpr.Range r && r.from().length == 2 && r.to().length == 2) {
            return Optional.of(new Neg<>(r.op() == NftExpr.Range.NFT_RANGE_NEQ,
                    new XtMatch.PortRange(u16(r.from()), u16(r.to()))));
        }
        return Optional.empty();
    }

    private static int u16(byte[] b) {
        return ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    }

    /** {@code eth0} with its NUL: an exact match; {@code eth+} without the plus and the NUL: a prefix. */
    private static String interfaceOf(byte[] data) {
        int n = 0;
        while (n < data.length && data[n] != 0) {
            n++;
        }
        String name = new String(data, 0, n, StandardCharsets.UTF_8);
        return n == data.length ? name + "+" : name;
    }
}
