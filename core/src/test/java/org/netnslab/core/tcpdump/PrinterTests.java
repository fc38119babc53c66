package org.netnslab.core.tcpdump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A pcap recorded on the real kernel (ARP, a ping and an nc's TCP connection on port 8080 across a veth), read
 * by the lab's reader and printed by its printer, against what the real tcpdump 4.99.3 printed of the same file
 * with the same options ({@code tcpdump -r FILE OPTIONS 2>/dev/null}, recorded beside it).
 */
class PrinterTests {

    private static final String PCAP = "real-veth-arp-icmp-tcp.pcap";

    @ParameterizedTest(name = "tcpdump -r FILE {0}")
    @CsvSource(delimiter = '|', value = {
        "''|real-vethx.txt",
        "-n|real-vethx-n.txt",
        "-nn|real-vethx-nn.txt",
        "-nn -e|real-vethx-nn_-e.txt",
        "-nn -v|real-vethx-nn_-v.txt",
        "-nn -vv|real-vethx-nn_-vv.txt",
        "-e|real-vethx-e.txt",
        "-nn tcp|real-vethx-nn_tcp.txt",
        "-nn port 8080 and src 10.0.0.2|real-vethx-nn_port_8080_and_src_10.0.0.2.txt",
        "-nn not tcp|real-vethx-nn_not_tcp.txt",
        "-nn -c 3 ip|real-vethx-nn_-c_3_ip.txt",
    })
    void printsWhatTheRealTcpdumpPrints(String options, String expected) throws Exception {
        Pcap.File file = Pcap.read(resource(PCAP)).orElseThrow();
        List<String> words = options.isEmpty() ? List.of() : Arrays.asList(options.split(" "));
        Tcpdump.Run run = (Tcpdump.Run) Tcpdump.parse(words);
        Tcpdump.Request request = run.request();
        Printer printer = new Printer(request.printing(), i -> null);
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (Pcap.Packet p : file.packets()) {
            if (request.count() > 0 && n >= request.count()) {
                break;
            }
            if (request.filter().accepts(file.linkType(), p.data())) {
                out.append(printer.print(file.linkType(), p.micros(), p.data(), p.originalLength()));
                n++;
            }
        }
        assertThat(out.toString()).isEqualTo(new String(resource(expected), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a file written back is the same file|real-veth-arp-icmp-tcp.pcap",
    })
    void writesWhatItReads(String name, String pcap) throws Exception {
        byte[] bytes = resource(pcap);
        Pcap.File file = Pcap.read(bytes).orElseThrow();
        assertThat(file.linkType()).isEqualTo(Pcap.LINKTYPE_ETHERNET);
        assertThat(file.packets()).hasSize(12);
        assertThat(Pcap.write(file.linkType(), file.packets())).isEqualTo(bytes);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PrinterTests.class.getResourceAsStream("/tcpdump/" + name)) {
            return in.readAllBytes();
        }
    }
}
