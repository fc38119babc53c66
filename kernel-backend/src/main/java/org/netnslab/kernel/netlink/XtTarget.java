package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;

/**
 * What an iptables rule does, as iptables-nft 1.8.9 writes it: {@code ACCEPT}, {@code DROP}, {@code RETURN}
 * and user chains as an {@code immediate} verdict, the others as xtables targets nft_compat runs.
 */
public sealed interface XtTarget {

    /** The expressions of the target, after the rule's counter; none for a rule that only counts. */
    List<NftExpr> expressions();

    /** No {@code -j}: the rule counts and goes on. */
    record None() implements XtTarget {
        @Override
        public List<NftExpr> expressions() {
            return List.of();
        }
    }

    /** {@code -j ACCEPT|DROP|RETURN}: {@link NftExpr.Immediate#NF_ACCEPT} and the others. */
    record Verdict(int code) implements XtTarget {
        public static final Verdict ACCEPT = new Verdict(NftExpr.Immediate.NF_ACCEPT);
        public static final Verdict DROP = new Verdict(NftExpr.Immediate.NF_DROP);
        public static final Verdict RETURN = new Verdict(NftExpr.Immediate.NFT_RETURN);

        @Override
        public List<NftExpr> expressions() {
            return List.of(NftExpr.Immediate.verdict(code));
        }
    }

    /** {@code -j CHAIN} or, with {@code goTo}, {@code -g CHAIN}. */
    record Jump(String chain, boolean goTo) implements XtTarget {
        @Override
        public List<NftExpr> expressions() {
            return List.of(new NftExpr.Immediate(goTo ? NftExpr.Immediate.NFT_GOTO : NftExpr.Immediate.NFT_JUMP,
                    Optional.of(chain)));
        }
    }

    /**
     * {@code -j REJECT [--reject-with W]}: {@code struct ipt_reject_info}, target {@code REJECT} rev 0.
     *
     * @param with {@code enum ipt_reject_with}: icmp-net-unreachable 0, -host- 1, -proto- 2, -port- 3 (the
     *     default), icmp-net-prohibited 5, -host- 6, tcp-reset 7, icmp-admin-prohibited 8
     */
    record Reject(int with) implements XtTarget {
        public static final int ICMP_PORT_UNREACHABLE = 3;

        @Override
        public List<NftExpr> expressions() {
            return List.of(new NftExpr.Target("REJECT", 0,
                    ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(with).array()));
        }
    }

    /**
     * {@code -j LOG [--log-level L] [--log-prefix P]}: {@code struct xt_log_info} (level, logflags, prefix[30]),
     * target {@code LOG} rev 0.
     */
    record Log(int level, int flags, String prefix) implements XtTarget {
        public static final int DEFAULT_LEVEL = 4;
        static final int PREFIX = 30;

        @Override
        public List<NftExpr> expressions() {
            byte[] info = new byte[32];
            info[0] = (byte) level;
            info[1] = (byte) flags;
            byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(p, 0, info, 2, Math.min(p.length, PREFIX - 1));
            return List.of(new NftExpr.Target("LOG", 0, info));
        }
    }

    /**
     * {@code -j MASQUERADE [--to-ports P[-Q]]}: its info, see {@link NftExpr.Target#masquerade()}; with ports,
     * the range says {@code NF_NAT_RANGE_PROTO_SPECIFIED} and them.
     */
    record Masquerade(int minPort, int maxPort) implements XtTarget {
        public Masquerade() {
            this(0, 0);
        }

        @Override
        public List<NftExpr> expressions() {
            if (minPort == 0) {
                return List.of(NftExpr.Target.masquerade());
            }
            ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.nativeOrder());
            b.putInt(1).putInt(Nat.NF_NAT_RANGE_PROTO_SPECIFIED).putInt(0).putInt(0);
            b.order(ByteOrder.BIG_ENDIAN).putShort((short) minPort).putShort((short) maxPort);
            return List.of(new NftExpr.Target("MASQUERADE", 0, b.array()));
        }
    }

    /**
     * {@code -j SNAT --to-source A[-B][:P[-Q]]}, target {@code SNAT} rev 0 with one {@code struct
     * nf_nat_ipv4_range} in a {@code nf_nat_ipv4_multi_range_compat}; {@code -j DNAT --to-destination ...},
     * target {@code DNAT} rev 2 with a {@code struct nf_nat_range2}. A port of 0 is no port.
     */
    record Nat(boolean source, Ipv4Address min, Ipv4Address max, int minPort, int maxPort) implements XtTarget {
        static final int NF_NAT_RANGE_MAP_IPS = 1;
        static final int NF_NAT_RANGE_PROTO_SPECIFIED = 2;

        int flags() {
            return NF_NAT_RANGE_MAP_IPS | (minPort != 0 ? NF_NAT_RANGE_PROTO_SPECIFIED : 0);
        }

        @Override
        public List<NftExpr> expressions() {
            if (source) {
                ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.nativeOrder());
                b.putInt(1).putInt(flags()).put(min.toBytes()).put(max.toBytes());
                b.order(ByteOrder.BIG_ENDIAN).putShort((short) minPort).putShort((short) maxPort);
                return List.of(new NftExpr.Target("SNAT", 0, b.array()));
            }
            ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.nativeOrder());
            b.putInt(flags()).put(Arrays.copyOf(min.toBytes(), 16)).put(Arrays.copyOf(max.toBytes(), 16));
            b.order(ByteOrder.BIG_ENDIAN).putShort((short) minPort).putShort((short) maxPort);
            return List.of(new NftExpr.Target("DNAT", 2, b.array()));
        }

        static Optional<XtTarget> parse(NftExpr.Target t) {
            ByteBuffer b = ByteBuffer.wrap(t.info()).order(ByteOrder.nativeOrder());
            Nat n;
            if (t.targetName().equals("SNAT") && t.rev() == 0 && t.info().length == 24 && b.getInt(0) == 1) {
                n = new Nat(true, Ipv4Address.fromBytes(t.info(), 8), Ipv4Address.fromBytes(t.info(), 12),
                        b.order(ByteOrder.BIG_ENDIAN).getShort(16) & 0xffff, b.getShort(18) & 0xffff);
            } else if (t.targetName().equals("DNAT") && t.rev() == 2 && t.info().length == 48) {
                n = new Nat(false, Ipv4Address.fromBytes(t.info(), 4), Ipv4Address.fromBytes(t.info(), 20),
                        b.order(ByteOrder.BIG_ENDIAN).getShort(36) & 0xffff, b.getShort(38) & 0xffff);
            } else {
                return Optional.empty();
            }
            return n.expressions().get(0).equals(t) ? Optional.of(n) : Optional.empty();
        }
    }

    /** A target this backend does not know, kept as the kernel holds it. */
    record Other(NftExpr expression) implements XtTarget {
        @Override
        public List<NftExpr> expressions() {
            return List.of(expression);
        }
    }

    /**
     * Reads a target back; {@link Other} when it is not one of the above as iptables writes it, byte for byte:
     * what this reads, it would write the same.
     */
    static XtTarget of(NftExpr e) {
        XtTarget t = known(e);
        return t.expressions().equals(List.of(e)) ? t : new Other(e);
    }

    private static XtTarget known(NftExpr e) {
        if (e instanceof NftExpr.Immediate i) {
            if (i.chain().isPresent() && (i.code() == NftExpr.Immediate.NFT_JUMP || i.code() == NftExpr.Immediate.NFT_GOTO)) {
                return new Jump(i.chain().get(), i.code() == NftExpr.Immediate.NFT_GOTO);
            }
            if (i.chain().isEmpty() && (i.code() == NftExpr.Immediate.NF_ACCEPT || i.code() == NftExpr.Immediate.NF_DROP
                    || i.code() == NftExpr.Immediate.NFT_RETURN)) {
                return new Verdict(i.code());
            }
        } else if (e instanceof NftExpr.Target t) {
            ByteBuffer b = ByteBuffer.wrap(t.info()).order(ByteOrder.nativeOrder());
            switch (t.targetName() + "/" + t.rev()) {
                case "MASQUERADE/0":
                    if (t.equals(NftExpr.Target.masquerade())) {
                        return new Masquerade();
                    }
                    if (t.info().length == 24 && b.getInt(4) == Nat.NF_NAT_RANGE_PROTO_SPECIFIED) {
                        Masquerade m = new Masquerade(b.order(ByteOrder.BIG_ENDIAN).getShort(16) & 0xffff,
                                b.getShort(18) & 0xffff);
                        if (m.expressions().get(0).equals(t)) {
                            return m;
                        }
                    }
                    break;
                case "REJECT/0":
                    if (t.info().length >= 4) {
                        return new Reject(b.getInt(0));
                    }
                    break;
                case "LOG/0":
                    if (t.info().length >= 32) {
                        int n = 0;
                        while (n < Log.PREFIX && t.info()[2 + n] != 0) {
                            n++;
                        }
                        return new Log(t.info()[0] & 0xff, t.info()[1] & 0xff,
                                new String(t.info(), 2, n, StandardCharsets.UTF_8));
                    }
                    break;
                case "SNAT/0", "DNAT/2":
                    Optional<XtTarget> nat = Nat.parse(t);
                    if (nat.isPresent()) {
                        return nat.get();
                    }
                    break;
                default:
                    break;
            }
        }
        return new Other(e);
    }
}
