package org.netnslab.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.model.Counters;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.NatTable;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.kernel.netlink.Family;
import org.netnslab.kernel.netlink.Message;
import org.netnslab.kernel.netlink.NftBatch;
import org.netnslab.kernel.netlink.NftChain;
import org.netnslab.kernel.netlink.NftExpr;
import org.netnslab.kernel.netlink.NftRule;
import org.netnslab.kernel.netlink.NftTable;
import org.netnslab.kernel.sys.NetlinkSocket;

/**
 * {@code iptables -t nat ... -j MASQUERADE} over nf_tables, the way iptables-nft 1.8.9 lays it out, so that
 * the real {@code iptables -t nat -S} reads the same rules back: table {@code ip nat}, base chain
 * {@code POSTROUTING} (type nat, hook postrouting, priority srcnat, policy accept) made on first use, and one
 * rule per {@code -A}: {@code [meta oifname + cmp] [payload saddr (+ bitwise) + cmp] counter [target MASQUERADE]}.
 */
final class Masquerade {

    static final String TABLE = "nat";
    static final String CHAIN = "POSTROUTING";
    private static final int FAMILY = Family.NFPROTO_IPV4;

    private Masquerade() {}

    /** {@code iptables -t nat -A POSTROUTING [-s CIDR] [-o DEV] -j MASQUERADE}. */
    static void append(NetlinkSocket s, NatRule rule) throws KernelException {
        List<NftExpr> exprs = expressions(normalize(rule));
        NetlinkCalls.batch(s, seq -> new NftBatch(seq, FAMILY)
                .addTable(TABLE)
                .addBaseChain(TABLE, CHAIN, NftChain.NF_INET_POST_ROUTING, NftChain.NF_IP_PRI_NAT_SRC, "nat")
                .appendRule(TABLE, CHAIN, exprs));
    }

    /** {@code iptables -t nat -D POSTROUTING ...}: the first rule that is the same, by its handle. */
    static void delete(NetlinkSocket s, NatRule rule) throws KernelException {
        NatRule wanted = normalize(rule);
        for (Listed r : rules(s)) {
            if (r.rule().isPresent() && r.rule().get().equals(wanted)) {
                NetlinkCalls.batch(s, seq -> new NftBatch(seq, FAMILY).deleteRule(TABLE, CHAIN, r.handle()));
                return;
            }
        }
        throw new KernelException(Errno.ENOENT);
    }

    /** {@code iptables -t nat -F}: every rule of the table's chains; nothing when there is no table. */
    static void flush(NetlinkSocket s) throws KernelException {
        if (tableExists(s)) {
            NetlinkCalls.batch(s, seq -> new NftBatch(seq, FAMILY).flushTable(TABLE));
        }
    }

    /** The nat table as iptables shows it: POSTROUTING's rules with their counters, the policies' counters. */
    static NatTable read(NetlinkSocket s) throws KernelException {
        if (!tableExists(s)) {
            return NatTable.empty();
        }
        List<Counters> policies = new ArrayList<>(List.of(Counters.ZERO, Counters.ZERO, Counters.ZERO, Counters.ZERO));
        for (Message m : NetlinkCalls.dump(s, seq -> NftChain.dump(seq, FAMILY, TABLE))) {
            NftChain c = NftChain.parse(m);
            int i = NatTable.CHAINS.indexOf(c.name());
            if (i >= 0 && c.counters().isPresent()) {
                policies.set(i, new Counters(c.counters().get().packets(), c.counters().get().bytes()));
            }
        }
        List<NatTable.Entry> entries = new ArrayList<>();
        for (Listed r : rules(s)) {
            r.rule().ifPresent(rule -> entries.add(new NatTable.Entry(rule, r.counters())));
        }
        return new NatTable(List.copyOf(entries), List.copyOf(policies));
    }

    private static boolean tableExists(NetlinkSocket s) throws KernelException {
        return NetlinkCalls.dump(s, seq -> NftTable.dump(seq, FAMILY)).stream()
                .map(NftTable::parse).anyMatch(t -> t.name().equals(TABLE));
    }

    /** A rule of the chain: its handle, what it matches if it is a masquerade rule, its counters. */
    record Listed(long handle, Optional<NatRule> rule, Counters counters) {}

    private static List<Listed> rules(NetlinkSocket s) throws KernelException {
        List<Message> msgs;
        try {
            msgs = NetlinkCalls.dump(s, seq -> NftRule.dump(seq, FAMILY, TABLE, CHAIN));
        } catch (KernelException e) {
            if (e.errno() == Errno.ENOENT) {
                return List.of();
            }
            throw e;
        }
        List<Listed> out = new ArrayList<>();
        for (Message m : msgs) {
            NftRule r = NftRule.parse(m);
            out.add(new Listed(r.handle(), rule(r.expressions()), counters(r.expressions())));
        }
        return out;
    }

    /** As iptables stores a rule: the source's host bits cleared, {@code 0.0.0.0/0} the same as none. */
    static NatRule normalize(NatRule r) {
        return new NatRule(r.source().map(Ipv4Cidr::network).filter(c -> c.prefixLength() > 0), r.outInterface(),
                r.masquerade());
    }

    /** iptables-nft's expressions for a masquerade rule, in its order: interface, address, counter, target. */
    static List<NftExpr> expressions(NatRule r) {
        List<NftExpr> out = new ArrayList<>();
        r.outInterface().ifPresent(dev -> {
            out.add(new NftExpr.Meta(NftExpr.Meta.NFT_META_OIFNAME, NftExpr.NFT_REG_1));
            out.add(new NftExpr.Cmp(NftExpr.NFT_REG_1, NftExpr.Cmp.NFT_CMP_EQ, interfaceName(dev)));
        });
        r.source().ifPresent(cidr -> {
            byte[] network = cidr.network().address().toBytes();
            if (cidr.prefixLength() % 8 == 0) {
                int len = cidr.prefixLength() / 8;
                out.add(new NftExpr.Payload(NftExpr.NFT_REG_1, NftExpr.Payload.NFT_PAYLOAD_NETWORK_HEADER,
                        NftExpr.Payload.IPV4_SADDR, len));
                out.add(new NftExpr.Cmp(NftExpr.NFT_REG_1, NftExpr.Cmp.NFT_CMP_EQ, Arrays.copyOf(network, len)));
            } else {
                out.add(new NftExpr.Payload(NftExpr.NFT_REG_1, NftExpr.Payload.NFT_PAYLOAD_NETWORK_HEADER,
                        NftExpr.Payload.IPV4_SADDR, 4));
                out.add(new NftExpr.Bitwise(NftExpr.NFT_REG_1, NftExpr.NFT_REG_1,
                        new Ipv4Address(cidr.mask()).toBytes(), new byte[4]));
                out.add(new NftExpr.Cmp(NftExpr.NFT_REG_1, NftExpr.Cmp.NFT_CMP_EQ, network));
            }
        });
        out.add(new NftExpr.Counter(0, 0));
        if (r.masquerade()) {
            out.add(NftExpr.Target.masquerade());
        }
        return out;
    }

    /** {@code eth0} with its NUL: an exact match; {@code eth+} without the plus and the NUL: a prefix. */
    private static byte[] interfaceName(String dev) {
        byte[] b = dev.getBytes(StandardCharsets.UTF_8);
        if (dev.endsWith("+")) {
            return Arrays.copyOf(b, b.length - 1);
        }
        return Arrays.copyOf(b, b.length + 1);
    }

    /**
     * Reads a rule back as iptables would; empty when it is not one this backend writes (a masquerade rule, or
     * one that only counts), such as one with {@code ! -o} or {@code ! -s}.
     */
    static Optional<NatRule> rule(List<NftExpr> exprs) {
        Optional<String> out = Optional.empty();
        Optional<Ipv4Cidr> source = Optional.empty();
        boolean masquerade = false;
        for (int i = 0; i < exprs.size(); i++) {
            NftExpr e = exprs.get(i);
            if (e instanceof NftExpr.Meta meta && meta.key() == NftExpr.Meta.NFT_META_OIFNAME
                    && i + 1 < exprs.size() && exprs.get(i + 1) instanceof NftExpr.Cmp cmp
                    && cmp.op() == NftExpr.Cmp.NFT_CMP_EQ) {
                out = Optional.of(interfaceOf(cmp.data()));
                i++;
            } else if (e instanceof NftExpr.Payload p && p.base() == NftExpr.Payload.NFT_PAYLOAD_NETWORK_HEADER
                    && p.offset() == NftExpr.Payload.IPV4_SADDR && p.len() <= 4) {
                int prefix = p.len() * 8;
                if (i + 1 < exprs.size() && exprs.get(i + 1) instanceof NftExpr.Bitwise b) {
                    prefix = Integer.bitCount(Ipv4Address.fromBytes(Arrays.copyOf(b.mask(), 4), 0).bits());
                    i++;
                }
                if (i + 1 < exprs.size() && exprs.get(i + 1) instanceof NftExpr.Cmp cmp
                        && cmp.op() == NftExpr.Cmp.NFT_CMP_EQ) {
                    source = Optional.of(new Ipv4Cidr(Ipv4Address.fromBytes(Arrays.copyOf(cmp.data(), 4), 0), prefix));
                    i++;
                } else {
                    return Optional.empty();
                }
            } else if (e instanceof NftExpr.Target t && t.targetName().equals("MASQUERADE")) {
                masquerade = true;
            } else if (!(e instanceof NftExpr.Counter)) {
                return Optional.empty();
            }
        }
        return Optional.of(new NatRule(source, out, masquerade));
    }

    private static String interfaceOf(byte[] data) {
        int n = 0;
        while (n < data.length && data[n] != 0) {
            n++;
        }
        String name = new String(data, 0, n, StandardCharsets.UTF_8);
        return n == data.length ? name + "+" : name;
    }

    private static Counters counters(List<NftExpr> exprs) {
        return exprs.stream().filter(e -> e instanceof NftExpr.Counter).map(e -> (NftExpr.Counter) e)
                .findFirst().map(c -> new Counters(c.packets(), c.bytes())).orElse(Counters.ZERO);
    }
}
