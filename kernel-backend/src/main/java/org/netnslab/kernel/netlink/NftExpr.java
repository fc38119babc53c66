package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The expressions of an nf_tables rule that iptables-nft writes for {@code -s CIDR -o DEV -j MASQUERADE},
 * each with its attributes in libnftnl's order. Anything else reads as {@link Other}.
 */
public sealed interface NftExpr {

    /** Register 1, as iptables-nft uses it ({@code NFT_REG_1}). */
    int NFT_REG_1 = 1;

    /** The name on the wire: {@code meta}, {@code cmp}, ... */
    String name();

    void emitData(MessageWriter w);

    /** {@code meta load KEY => reg DREG}. */
    record Meta(int key, int dreg) implements NftExpr {
        public static final int NFT_META_OIFNAME = 7;

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
        /** Where the source address is in {@code struct iphdr}. */
        public static final int IPV4_SADDR = 12;

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
            return "Target[" + targetName + " rev " + rev + "]";
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
