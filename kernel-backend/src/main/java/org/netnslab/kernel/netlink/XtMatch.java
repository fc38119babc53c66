package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A match of an iptables rule beyond the fields of {@code struct ipt_entry}, as iptables-nft 1.8.9 writes it:
 * tcp and udp ports as native {@code payload} expressions, the others as xtables matches that nft_compat runs,
 * each with its kernel struct laid out in host byte order and padded to {@code XT_ALIGN}.
 */
public sealed interface XtMatch {

    /** The expressions of this match, in iptables-nft's order. */
    List<NftExpr> expressions();

    /** Whether a value is negated ({@code !}) in the rule. */
    record Neg<T>(boolean not, T value) {
        public static <T> Neg<T> of(T value) {
            return new Neg<>(false, value);
        }
    }

    /** {@code --sport MIN[:MAX]}, {@code --dport MIN[:MAX]}. */
    record PortRange(int min, int max) {
        public static PortRange of(int port) {
            return new PortRange(port, port);
        }
    }

    /**
     * {@code -m tcp|udp [!] --sport P [!] --dport P}: iptables-nft's {@code add_nft_tcpudp}. Two single ports
     * negated alike are one 4-byte load of both; otherwise each port is a 2-byte load, a cmp for one port and
     * a range for a range.
     */
    record Ports(int protocol, Optional<Neg<PortRange>> sport, Optional<Neg<PortRange>> dport) implements XtMatch {
        static final int SPORT = 0;
        static final int DPORT = 2;

        @Override
        public List<NftExpr> expressions() {
            List<NftExpr> out = new ArrayList<>();
            if (sport.isPresent() && dport.isPresent() && single(sport.get().value()) && single(dport.get().value())
                    && sport.get().not() == dport.get().not()) {
                out.add(new NftExpr.Payload(NftExpr.NFT_REG_1, NftExpr.Payload.NFT_PAYLOAD_TRANSPORT_HEADER, SPORT, 4));
                byte[] both = ByteBuffer.allocate(4).putShort((short) sport.get().value().min())
                        .putShort((short) dport.get().value().min()).array();
                out.add(new NftExpr.Cmp(NftExpr.NFT_REG_1, op(dport.get().not()), both));
                return out;
            }
            sport.ifPresent(p -> port(out, SPORT, p));
            dport.ifPresent(p -> port(out, DPORT, p));
            return out;
        }

        private static boolean single(PortRange r) {
            return r.min() == r.max();
        }

        private static void port(List<NftExpr> out, int offset, Neg<PortRange> p) {
            if (p.value().min() == 0 && p.value().max() == 0xffff) {
                return;
            }
            out.add(new NftExpr.Payload(NftExpr.NFT_REG_1, NftExpr.Payload.NFT_PAYLOAD_TRANSPORT_HEADER, offset, 2));
            if (single(p.value())) {
                out.add(new NftExpr.Cmp(NftExpr.NFT_REG_1, op(p.not()), be16(p.value().min())));
            } else {
                out.add(new NftExpr.Range(NftExpr.NFT_REG_1,
                        p.not() ? NftExpr.Range.NFT_RANGE_NEQ : NftExpr.Range.NFT_RANGE_EQ,
                        be16(p.value().min()), be16(p.value().max())));
            }
        }
    }

    /** {@code -m icmp [!] --icmp-type TYPE[/CODE]}: {@code struct ipt_icmp}, match {@code icmp} rev 0. */
    record Icmp(int type, int codeMin, int codeMax, boolean not) implements XtMatch {
        /** {@code --icmp-type any}. */
        public static final int ANY = 0xff;
        static final int IPT_ICMP_INV = 0x01;

        @Override
        public List<NftExpr> expressions() {
            byte[] info = {(byte) type, (byte) codeMin, (byte) codeMax, (byte) (not ? IPT_ICMP_INV : 0), 0, 0, 0, 0};
            return List.of(new NftExpr.Match("icmp", 0, info));
        }

        static Optional<XtMatch> parse(byte[] info) {
            if (info.length < 4) {
                return Optional.empty();
            }
            return Optional.of(new Icmp(info[0] & 0xff, info[1] & 0xff, info[2] & 0xff, (info[3] & IPT_ICMP_INV) != 0));
        }
    }

    /**
     * {@code -m conntrack [!] --ctstate S,...} and {@code -m state [!] --state S,...}: {@code struct
     * xt_conntrack_mtinfo3}, match {@code conntrack} rev 3, 168 bytes. iptables-nft writes the state match as
     * conntrack with {@code XT_CONNTRACK_STATE_ALIAS}, and reads it back as {@code -m state}.
     *
     * @param stateMask {@code XT_CONNTRACK_STATE_*} bits: INVALID 1, ESTABLISHED 2, RELATED 4, NEW 8,
     *     UNTRACKED 256
     */
    record Conntrack(int stateMask, boolean not, boolean stateAlias) implements XtMatch {
        public static final int INVALID = 1;
        public static final int ESTABLISHED = 2;
        public static final int RELATED = 4;
        public static final int NEW = 8;
        public static final int SNAT = 1 << 6;
        public static final int DNAT = 1 << 7;
        public static final int UNTRACKED = 1 << 8;
        static final int SIZE = 168;
        static final int FLAGS = 146;
        static final int XT_CONNTRACK_STATE = 1;
        static final int XT_CONNTRACK_STATE_ALIAS = 1 << 13;

        @Override
        public List<NftExpr> expressions() {
            ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.nativeOrder());
            b.putShort(FLAGS, (short) (XT_CONNTRACK_STATE | (stateAlias ? XT_CONNTRACK_STATE_ALIAS : 0)));
            b.putShort(FLAGS + 2, (short) (not ? XT_CONNTRACK_STATE : 0));
            b.putShort(FLAGS + 4, (short) stateMask);
            return List.of(new NftExpr.Match("conntrack", 3, b.array()));
        }

        static Optional<XtMatch> parse(byte[] info) {
            if (info.length < FLAGS + 6) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.wrap(info).order(ByteOrder.nativeOrder());
            int flags = b.getShort(FLAGS) & 0xffff;
            if ((flags & ~XT_CONNTRACK_STATE_ALIAS) != XT_CONNTRACK_STATE) {
                return Optional.empty();
            }
            Conntrack c = new Conntrack(b.getShort(FLAGS + 4) & 0xffff, (b.getShort(FLAGS + 2) & XT_CONNTRACK_STATE) != 0,
                    (flags & XT_CONNTRACK_STATE_ALIAS) != 0);
            byte[] again = ((NftExpr.Match) c.expressions().get(0)).info();
            return Arrays.equals(again, info) ? Optional.of(c) : Optional.empty();
        }
    }

    /**
     * {@code -m addrtype [[!] --src-type T] [[!] --dst-type T]}: {@code struct xt_addrtype_info_v1}, match
     * {@code addrtype} rev 1.
     *
     * @param source {@code XT_ADDRTYPE_*} bits of {@code --src-type}, 0 when none
     * @param dest {@code XT_ADDRTYPE_*} bits of {@code --dst-type} ({@link #LOCAL} 4)
     */
    record AddrType(int source, int dest, boolean notSource, boolean notDest) implements XtMatch {
        public static final int LOCAL = 1 << 2;
        static final int INVERT_SOURCE = 0x1;
        static final int INVERT_DEST = 0x2;

        @Override
        public List<NftExpr> expressions() {
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
            b.putShort((short) source).putShort((short) dest)
                    .putInt((notSource ? INVERT_SOURCE : 0) | (notDest ? INVERT_DEST : 0));
            return List.of(new NftExpr.Match("addrtype", 1, b.array()));
        }

        static Optional<XtMatch> parse(byte[] info) {
            if (info.length < 8) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.wrap(info).order(ByteOrder.nativeOrder());
            int flags = b.getInt(4);
            if ((flags & ~(INVERT_SOURCE | INVERT_DEST)) != 0) {
                return Optional.empty();
            }
            return Optional.of(new AddrType(b.getShort(0) & 0xffff, b.getShort(2) & 0xffff, (flags & INVERT_SOURCE) != 0,
                    (flags & INVERT_DEST) != 0));
        }
    }

    /** {@code -m comment --comment TEXT}: {@code struct xt_comment_info}, 256 bytes, match {@code comment} rev 0. */
    record Comment(String text) implements XtMatch {
        static final int SIZE = 256;

        @Override
        public List<NftExpr> expressions() {
            byte[] t = text.getBytes(StandardCharsets.UTF_8);
            return List.of(new NftExpr.Match("comment", 0, Arrays.copyOf(t, SIZE)));
        }

        static Optional<XtMatch> parse(byte[] info) {
            int n = 0;
            while (n < info.length && info[n] != 0) {
                n++;
            }
            return Optional.of(new Comment(new String(info, 0, n, StandardCharsets.UTF_8)));
        }
    }

    /** A match this backend does not know, kept as the kernel holds it. */
    record Other(NftExpr.Match match) implements XtMatch {
        @Override
        public List<NftExpr> expressions() {
            return List.of(match);
        }
    }

    /**
     * Reads an xtables match back; {@link Other} when it is not one of the above as iptables writes it, byte
     * for byte: what this reads, it would write the same.
     */
    static XtMatch of(NftExpr.Match m) {
        Optional<XtMatch> known = switch (m.matchName() + "/" + m.rev()) {
            case "icmp/0" -> Icmp.parse(m.info());
            case "conntrack/3" -> Conntrack.parse(m.info());
            case "addrtype/1" -> AddrType.parse(m.info());
            case "comment/0" -> Comment.parse(m.info());
            default -> Optional.empty();
        };
        return known.filter(k -> k.expressions().equals(List.of(m))).orElse(new Other(m));
    }

    private static int op(boolean not) {
        return not ? NftExpr.Cmp.NFT_CMP_NEQ : NftExpr.Cmp.NFT_CMP_EQ;
    }

    private static byte[] be16(int v) {
        return new byte[] {(byte) (v >> 8), (byte) v};
    }
}
