package org.netnslab.kernel.netlink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Real netlink datagrams under {@code netlink/}: captured with strace from the real tools talking to the real
 * kernel (see {@code netlink/README.md}), as hex, with what they say written above them.
 */
public final class Dumps {

    private Dumps() {}

    /** One captured datagram and who sent it: {@code kernel}, {@code iproute2} or {@code iptables}. */
    public record Dump(String name, String from, byte[] bytes) {

        public ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        }

        public List<Message> messages() {
            return Message.parseAll(buffer());
        }

        public Message message() {
            List<Message> all = messages();
            if (all.size() != 1) {
                throw new AssertionError(name + " holds " + all.size() + " messages");
            }
            return all.get(0);
        }

        /** The sequence number of the first message, to encode the same request with. */
        public int seq() {
            return buffer().getInt(8);
        }
    }

    public static Dump load(String name) {
        String resource = "netlink/" + name + ".dump";
        try (InputStream in = Dumps.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String from = "";
            StringBuilder hex = new StringBuilder();
            boolean inHex = false;
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (inHex) {
                    hex.append(line.replace(" ", ""));
                } else if (line.startsWith("from:")) {
                    from = line.substring(5).strip();
                } else if (line.equals("hex:")) {
                    inHex = true;
                }
            }
            return new Dump(name, from, HexFormat.of().parseHex(hex.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
