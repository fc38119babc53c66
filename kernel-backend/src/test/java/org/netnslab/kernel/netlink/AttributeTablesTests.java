package org.netnslab.kernel.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The attribute tables hold the kernel's numbers, from its uapi headers, each once. */
class AttributeTablesTests {

    static Stream<Arguments> kernelNumbers() {
        return Stream.of(
                Arguments.of(IflaAttr.ADDRESS, 1), Arguments.of(IflaAttr.IFNAME, 3), Arguments.of(IflaAttr.MTU, 4),
                Arguments.of(IflaAttr.LINK, 5), Arguments.of(IflaAttr.QDISC, 6), Arguments.of(IflaAttr.MASTER, 10),
                Arguments.of(IflaAttr.TXQLEN, 13), Arguments.of(IflaAttr.OPERSTATE, 16),
                Arguments.of(IflaAttr.LINKINFO, 18), Arguments.of(IflaAttr.NET_NS_FD, 28),
                Arguments.of(IflaAttr.LINK_NETNSID, 37), Arguments.of(IflaInfoAttr.KIND, 1),
                Arguments.of(IflaInfoAttr.DATA, 2), Arguments.of(VethInfoAttr.PEER, 1),
                Arguments.of(IfaAttr.ADDRESS, 1), Arguments.of(IfaAttr.LOCAL, 2), Arguments.of(IfaAttr.LABEL, 3),
                Arguments.of(IfaAttr.FLAGS, 8), Arguments.of(RtaAttr.DST, 1), Arguments.of(RtaAttr.SRC, 2),
                Arguments.of(RtaAttr.IIF, 3), Arguments.of(RtaAttr.OIF, 4), Arguments.of(RtaAttr.GATEWAY, 5),
                Arguments.of(RtaAttr.PRIORITY, 6), Arguments.of(RtaAttr.PREFSRC, 7), Arguments.of(RtaAttr.TABLE, 15),
                Arguments.of(RtaAttr.UID, 25), Arguments.of(NetnsaAttr.NSID, 1), Arguments.of(NetnsaAttr.FD, 3),
                Arguments.of(NlmsgerrAttr.MSG, 1), Arguments.of(NftaTableAttr.NAME, 1),
                Arguments.of(NftaChainAttr.TABLE, 1), Arguments.of(NftaChainAttr.NAME, 3),
                Arguments.of(NftaChainAttr.HOOK, 4), Arguments.of(NftaChainAttr.POLICY, 5),
                Arguments.of(NftaChainAttr.TYPE, 7), Arguments.of(NftaChainAttr.COUNTERS, 8),
                Arguments.of(NftaHookAttr.HOOKNUM, 1), Arguments.of(NftaHookAttr.PRIORITY, 2),
                Arguments.of(NftaRuleAttr.TABLE, 1), Arguments.of(NftaRuleAttr.CHAIN, 2),
                Arguments.of(NftaRuleAttr.HANDLE, 3), Arguments.of(NftaRuleAttr.EXPRESSIONS, 4),
                Arguments.of(NftaRuleAttr.COMPAT, 5), Arguments.of(NftaListAttr.ELEM, 1),
                Arguments.of(NftaExprAttr.NAME, 1), Arguments.of(NftaExprAttr.DATA, 2),
                Arguments.of(NftaMetaAttr.DREG, 1), Arguments.of(NftaMetaAttr.KEY, 2),
                Arguments.of(NftaCmpAttr.SREG, 1), Arguments.of(NftaCmpAttr.OP, 2), Arguments.of(NftaCmpAttr.DATA, 3),
                Arguments.of(NftaPayloadAttr.DREG, 1), Arguments.of(NftaPayloadAttr.BASE, 2),
                Arguments.of(NftaPayloadAttr.OFFSET, 3), Arguments.of(NftaPayloadAttr.LEN, 4),
                Arguments.of(NftaBitwiseAttr.MASK, 4), Arguments.of(NftaBitwiseAttr.XOR, 5),
                Arguments.of(NftaCounterAttr.BYTES, 1), Arguments.of(NftaCounterAttr.PACKETS, 2),
                Arguments.of(NftaTargetAttr.NAME, 1), Arguments.of(NftaTargetAttr.REV, 2),
                Arguments.of(NftaTargetAttr.INFO, 3), Arguments.of(NftaDataAttr.VALUE, 1),
                Arguments.of(NfnlBatchAttr.GENID, 1));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("kernelNumbers")
    void holdsTheKernelsNumber(AttrType attr, int number) {
        assertThat(attr.type()).isEqualTo(number);
    }

    static Stream<Class<? extends Enum<?>>> tables() {
        return Stream.of(IflaAttr.class, IflaInfoAttr.class, VethInfoAttr.class, IfaAttr.class, RtaAttr.class,
                NetnsaAttr.class, NlmsgerrAttr.class, NfnlBatchAttr.class, NftaTableAttr.class, NftaChainAttr.class,
                NftaHookAttr.class, NftaRuleAttr.class, NftaRuleCompatAttr.class, NftaListAttr.class,
                NftaExprAttr.class, NftaMetaAttr.class, NftaCmpAttr.class, NftaDataAttr.class, NftaPayloadAttr.class,
                NftaBitwiseAttr.class, NftaCounterAttr.class, NftaTargetAttr.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void eachNumberOnce(Class<? extends Enum<?>> table) {
        List<Integer> numbers = Arrays.stream(table.getEnumConstants()).map(e -> ((AttrType) e).type()).toList();
        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n > 0 && n < Attribute.F_NET_BYTEORDER);
    }

    @org.junit.jupiter.api.Test
    void messageTypes() {
        assertThat(List.of(NlMsgType.RTM_NEWLINK, NlMsgType.RTM_DELLINK, NlMsgType.RTM_GETLINK,
                NlMsgType.RTM_NEWADDR, NlMsgType.RTM_DELADDR, NlMsgType.RTM_GETADDR, NlMsgType.RTM_NEWROUTE,
                NlMsgType.RTM_DELROUTE, NlMsgType.RTM_GETROUTE, NlMsgType.RTM_NEWNSID, NlMsgType.RTM_GETNSID))
                .containsExactly(16, 17, 18, 20, 21, 22, 24, 25, 26, 88, 90);
        assertThat(NftMsgType.of(NftMsgType.NEWRULE)).isEqualTo(0x0a06);
        assertThat(NftMsgType.msgOf(0x0a03)).isEqualTo(NftMsgType.NEWCHAIN);
        assertThat(NftMsgType.msgOf(NlMsgType.RTM_NEWLINK)).isEqualTo(-1);
    }
}
