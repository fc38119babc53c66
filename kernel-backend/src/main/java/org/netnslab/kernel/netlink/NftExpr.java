package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The expressions of an nf_tables rule that iptables-nft 1.8.9 writes, each with its attributes in libnftnl's
 * order: the native ones it uses for the fields of {@code struct ipt_entry} and for tcp/udp ports, and
 * {@code match}/{@code target} for the xtables extensions nft_compat runs. Anything else reads as {@link Other}.
 */
public sealed interface NftExpr {

    /** Register 1, as iptables-nft uses it ({@code NFT_REG_1}). */
    int NFT_REG_1 = 1;

    /** The name on the wire: {@code meta}, {@code cmp}, ... */
    String name();

    void emitData(MessageWriter w);

    /** {@code meta load KEY => reg DREG}. */
    record Meta(int key, int dreg) implements NftExpr {
        public static final int NFT_META_IIFNAME = 6;
        public static final int NFT_META_OIFNAME = 7;
        public static final int NFT_META_L4PROTO = 16;

        @Override
        public String name() {
            return "meta";
        }

        @Override
        public void emitData(MessageWriter w) {
            w.u32be(NftaMetaAttr.KEY, key).u32be(NftaMetaAttr.DREG, dreg);
        }
    }

    /** {@code cmp OP reg SREG DATA}. */
    record Cmp(int sreg, int op, byte[] data) implements NftExpr {
        public static final int NFT_CMP_EQ = 0;
        public static final int NFT_CMP_NEQ = 1;

        @Override
        public String name() {
            return "cmp";
        }

        @Override
        public void emitData(MessageWriter w) {
            w.u32be(NftaCmpAttr.SREG, sreg).u32be(NftaCmpAttr.OP, op)
                    .nest(NftaCmpAttr.DATA).bytes(NftaDataAttr.VALUE, data).endNest();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cmp c && c.sreg == sreg && c.op == op && Arrays.equals(c.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * sreg + op) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Cmp[sreg=" + sreg + ", op=" + op + ", data=" + HexFormat.of().formatHex(data) + "]";
        }
    }

    /** {@code payload load LEN b @ BASE header + OFFSET => reg DREG}. */
    record Payload(int dreg, int base, int offset, int len) implements NftExpr {
        public static final int NFT_PAYLOAD_NETWORK_HEADER = 1;
        public static final int NFT_PAYLOAD_TRANSPORT_HEADER = 2;
        /** Where the source address is in {@code struct iphdr}. */
        public static final int IPV4_SADDR = 12;
        /** Where the destination address is in {@code struct iphdr}. */
        public static final int IPV4_DADDR = 16;

        @Override
        public String name() {
            return "payload";
        }

        @Override
        public void emitData(MessageWriter w) {
            w.u32be(NftaPayloadAttr.DREG, dreg).u32be(NftaPayloadAttr.BASE, base)
                    .u32be(NftaPayloadAttr.OFFSET, offset).u32be(NftaPayloadAttr.LEN, len);
        }
    }

    /** {@code bitwise reg DREG = (reg SREG & MASK) ^ XOR}. */
    record Bitwise(int sreg, int dreg, byte[] mask, byte[] xor) implements NftExpr {
        @Override
        public String name() {
            return "bitwise";
        }

        @Override
        public void emitData(MessageWriter w) {
            w.u32be(NftaBitwiseAttr.SREG, sreg).u32be(NftaBitwiseAttr.DREG, dreg)
                    .u32be(NftaBitwiseAttr.LEN, mask.length)
                    .nest(NftaBitwiseAttr.MASK).bytes(NftaDataAttr.VALUE, mask).endNest()
                    .nest(NftaBitwiseAttr.XOR).bytes(NftaDataAttr.VALUE, xor).endNest();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bitwise b && b.sreg == sreg && b.dreg == dreg && Arrays.equals(b.mask, mask)
                    && Arrays.equals(b.xor, xor);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * sreg + dreg) + Arrays.hashCode(mask);
        }

        @Override
        public String toString() {
            return "Bitwise[mask=" + HexFormat.of().formatHex(mask) + ", xor=" + HexFormat.of().formatHex(xor) + "]";
        }
    }

    /** {@code counter pkts PACKETS bytes BYTES}. */
    record Counter(long bytes, long packets) implements NftExpr {
        @Override
        public String name() {
            return "counter";
        }

        @Override
        public void emitData(MessageWriter w) {
            w.u64be(NftaCounterAttr.BYTES, bytes).u64be(NftaCounterAttr.PACKETS, packets);
        }
    }

    /** An xtables target run by nft_compat: {@code target name NAME rev REV}, with its {@code info} struct. */
    record Target(String targetName, int rev, byte[] info) implements NftExpr {

        /**
         * {@code -j MASQUERADE}: its info is an empty {@code struct nf_nat_ipv4_multi_range_compat}
         * ({@code rangesize} 1, then one {@code struct nf_nat_ipv4_range} of zeros), 24 bytes.
         */
        public static Target masquerade() {
            byte[] info = ByteBuffer.allocate(24).order(ByteOrder.nativeOrder()).putInt(1).array();
            return new Target("MASQUERADE", 0, info);
        }

        @Override
        public String name() {
            return "target";
        }

        @Override
        public void emitData(MessageWriter w) {
            w.string(NftaTargetAttr.NAME, targetName).u32be(NftaTargetAttr.REV, rev).bytes(NftaTargetAttr.INFO, info);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Target t && t.targetName.equals(targetName) && t.rev == rev
                    && Arrays.equals(t.info, info);
        }

        @Override
        public int hashCode() {
            return targetName.hashCode();
        }

        @Override
        public String toString() {
            return "Target[" + targetName + " rev " + rev + " " + HexFormat.of().formatHex(info) + "]";
        }
    }

    /** {@code range OP reg SREG FROM TO}: {@code --dport 1000:2000}. */
    record Range(int sreg, int op, byte[] from, byte[] to) implements NftExpr {
        public static final int NFT_RANGE_EQ = 0;
        public static final int NFT_RANGE_NEQ = 1;

        @Override
        public String name() {
            return "range";
        }

        @Override
        public void emitData(MessageWriter w) {
            w.u32be(NftaRangeAttr.SREG, sreg).u32be(NftaRangeAttr.OP, op)
                    .nest(NftaRangeAttr.FROM_DATA).bytes(NftaDataAttr.VALUE, from).endNest()
                    .nest(NftaRangeAttr.TO_DATA).bytes(NftaDataAttr.VALUE, to).endNest();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Range r && r.sreg == sreg && r.op == op && Arrays.equals(r.from, from)
                    && Arrays.equals(r.to, to);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * sreg + op) + Arrays.hashCode(from);
        }

        @Override
        public String toString() {
            return "Range[op=" + op + ", " + HexFormat.of().formatHex(from) + "-" + HexFormat.of().formatHex(to) + "]";
        }
    }

    /**
     * {@code immediate reg 0 VERDICT [-> CHAIN]}: how iptables-nft writes {@code -j ACCEPT|DROP|RETURN} and a
     * jump or goto to a user chain.
     */
    record Immediate(int code, java.util.Optional<String> chain) implements NftExpr {
        /** {@code NFT_REG_VERDICT}. */
        public static final int NFT_REG_VERDICT = 0;
        public static final int NF_DROP = 0;
        public static final int NF_ACCEPT = 1;
        public static final int NFT_JUMP = -3;
        public static final int NFT_GOTO = -4;
        public static final int NFT_RETURN = -5;

        public static Immediate verdict(int code) {
            return new Immediate(code, java.util.Optional.empty());
        }

        @Override
        public String name() {
            return "immediate";
        }

        @Override
        public void emitData(MessageWriter w) {
            w.u32be(NftaImmediateAttr.DREG, NFT_REG_VERDICT).nest(NftaImmediateAttr.DATA).nest(NftaDataAttr.VERDICT)
                    .u32be(NftaVerdictAttr.CODE, code);
            chain.ifPresent(c -> w.string(NftaVerdictAttr.CHAIN, c));
            w.endNest().endNest();
        }
    }

    /** An xtables match run by nft_compat: {@code match name NAME rev REV}, with its {@code info} struct. */
    record Match(String matchName, int rev, byte[] info) implements NftExpr {
        @Override
        public String name() {
            return "match";
        }

        @Override
        public void emitData(MessageWriter w) {
            w.string(NftaMatchAttr.NAME, matchName).u32be(NftaMatchAttr.REV, rev).bytes(NftaMatchAttr.INFO, info);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Match m && m.matchName.equals(matchName) && m.rev == rev && Arrays.equals(m.info, info);
        }

        @Override
        public int hashCode() {
            return matchName.hashCode();
        }

        @Override
        public String toString() {
            return "Match[" + matchName + " rev " + rev + " " + HexFormat.of().formatHex(info) + "]";
        }
    }

    /** An expression this backend does not write. */
    record Other(String name) implements NftExpr {
        @Override
        public void emitData(MessageWriter w) {
            throw new UnsupportedOperationException("cannot write a " + name + " expression");
        }
    }

    /** Writes one element of {@code NFTA_RULE_EXPRESSIONS}. */
    static void emit(MessageWriter w, NftExpr e) {
        w.nest(NftaListAttr.ELEM).string(NftaExprAttr.NAME, e.name()).nest(NftaExprAttr.DATA);
        e.emitData(w);
        w.endNest().endNest();
    }

    /** Reads one element of {@code NFTA_RULE_EXPRESSIONS}. */
    static NftExpr parse(Attribute elem) {
        Attributes e = elem.attributes();
        String name = e.get(NftaExprAttr.NAME).map(Attribute::string).orElse("");
        Attributes d = e.get(NftaExprAttr.DATA).map(Attribute::attributes).orElse(Attributes.parse(ByteBuffer.allocate(0)));
        switch (name) {
            case "meta":
                return new Meta(u32be(d, NftaMetaAttr.KEY), u32be(d, NftaMetaAttr.DREG));
            case "cmp":
                return new Cmp(u32be(d, NftaCmpAttr.SREG), u32be(d, NftaCmpAttr.OP), value(d, NftaCmpAttr.DATA));
            case "payload":
                return new Payload(u32be(d, NftaPayloadAttr.DREG), u32be(d, NftaPayloadAttr.BASE),
                        u32be(d, NftaPayloadAttr.OFFSET), u32be(d, NftaPayloadAttr.LEN));
            case "bitwise":
                return new Bitwise(u32be(d, NftaBitwiseAttr.SREG), u32be(d, NftaBitwiseAttr.DREG),
                        value(d, NftaBitwiseAttr.MASK), value(d, NftaBitwiseAttr.XOR));
            case "counter":
                return new Counter(d.get(NftaCounterAttr.BYTES).map(Attribute::u64be).orElse(0L),
                        d.get(NftaCounterAttr.PACKETS).map(Attribute::u64be).orElse(0L));
            case "range":
                return new Range(u32be(d, NftaRangeAttr.SREG), u32be(d, NftaRangeAttr.OP), value(d, NftaRangeAttr.FROM_DATA),
                        value(d, NftaRangeAttr.TO_DATA));
            case "immediate": {
                Attributes v = d.get(NftaImmediateAttr.DATA).flatMap(x -> x.attributes().get(NftaDataAttr.VERDICT))
                        .map(Attribute::attributes).orElse(null);
                if (v == null) {
                    return new Other(name);
                }
                return new Immediate(u32be(v, NftaVerdictAttr.CODE), v.get(NftaVerdictAttr.CHAIN).map(Attribute::string));
            }
            case "match":
                return new Match(d.get(NftaMatchAttr.NAME).map(Attribute::string).orElse(""),
                        u32be(d, NftaMatchAttr.REV), d.get(NftaMatchAttr.INFO).map(Attribute::bytes).orElse(new byte[0]));
            case "target":
                return new Target(d.get(NftaTargetAttr.NAME).map(Attribute::string).orElse(""),
                        u32be(d, NftaTargetAttr.REV), d.get(NftaTargetAttr.INFO).map(Attribute::bytes).orElse(new byte[0]));
            default:
                return new Other(name);
        }
    }

    private static int u32be(Attributes a, AttrType t) {
        return a.get(t).map(Attribute::u32be).orElse(0);
    }

    private static byte[] value(Attributes a, AttrType t) {
        return a.get(t).flatMap(v -> v.attributes().get(NftaDataAttr.VALUE)).map(Attribute::bytes).orElse(new byte[0]);
    }
}
