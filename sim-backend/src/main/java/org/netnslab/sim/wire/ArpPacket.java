package org.netnslab.sim.wire;

import java.nio.ByteBuffer;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.MacAddress;

/**
 * An ARP packet for IPv4 over Ethernet (RFC 826), the only kind the kernel's {@code arp_process} answers.
 *
 * <pre>
 * struct arphdr {
 *     __be16        ar_hrd;     // ARPHRD_ETHER = 1
 *     __be16        ar_pro;     // ETH_P_IP = 0x0800
 *     unsigned char ar_hln;     // 6
 *     unsigned char ar_pln;     // 4
 *     __be16        ar_op;      // ARPOP_REQUEST = 1, ARPOP_REPLY = 2
 *     unsigned char ar_sha[6], ar_sip[4], ar_tha[6], ar_tip[4];
 * };
 * </pre>
 */
public record ArpPacket(
        int operation, MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac, Ipv4Address targetIp) {

    public static final int REQUEST = 1;
    public static final int REPLY = 2;
    public static final int LENGTH = 28;

    public static ArpPacket request(MacAddress senderMac, Ipv4Address senderIp, Ipv4Address targetIp) {
        return new ArpPacket(REQUEST, senderMac, senderIp, MacAddress.ZERO, targetIp);
    }

    public static ArpPacket reply(MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac,
            Ipv4Address targetIp) {
        return new ArpPacket(REPLY, senderMac, senderIp, targetMac, targetIp);
    }

    public static ArpPacket parse(ByteBuffer in) {
        if (in.remaining() < LENGTH) {
            throw new WireFormatException("arp: " + in.remaining() + " bytes, shorter than a packet");
        }
        int hrd = in.getShort() & 0xffff;
        int pro = in.getShort() & 0xffff;
        int hln = in.get() & 0xff;
        int pln = in.get() & 0xff;
        if (hrd != 1 || pro != EtherType.IPV4 || hln != 6 || pln != 4) {
            throw new WireFormatException("arp: not IPv4 over Ethernet");
        }
        int op = in.getShort() & 0xffff;
        byte[] b = new byte[20];
        in.get(b);
        return new ArpPacket(op, MacAddress.fromBytes(b, 0), Ipv4Address.fromBytes(b, 6),
                MacAddress.fromBytes(b, 10), Ipv4Address.fromBytes(b, 16));
    }

    public static ArpPacket parse(byte[] bytes) {
        return parse(ByteBuffer.wrap(bytes));
    }

    public void emit(ByteBuffer out) {
        out.putShort((short) 1);
        out.putShort((short) EtherType.IPV4);
        out.put((byte) 6);
        out.put((byte) 4);
        out.putShort((short) operation);
        out.put(senderMac.toBytes());
        out.put(senderIp.toBytes());
        out.put(targetMac.toBytes());
        out.put(targetIp.toBytes());
    }

    public int length() {
        return LENGTH;
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(LENGTH);
        emit(out);
        return out.array();
    }
}
