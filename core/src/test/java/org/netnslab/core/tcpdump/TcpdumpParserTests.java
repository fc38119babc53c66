package org.netnslab.core.tcpdump;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;

/** tcpdump's reading of its arguments: what each line asks, or the refusal getopt or tcpdump words for it. */
class TcpdumpParserTests {

    @ParameterizedTest(name = "tcpdump {0}")
    @CsvSource(delimiter = '|', value = {
        "-i veth0|veth0|0|false|0|0|''|''",
        "-i veth0 -n|veth0|1|false|0|0|''|''",
        "-nn -i any|any|2|false|0|0|''|''",
        "-nnev -i br0|br0|2|true|1|0|''|''",
        "-i veth0 -vv -c 3|veth0|0|false|2|3|''|''",
        "-ieth0 -c5 -l|eth0|0|false|0|5|''|''",
        "-w /tmp/a.pcap -i veth0 icmp|veth0|0|false|0|0|/tmp/a.pcap|''",
        "-r /tmp/a.pcap -nn arp or icmp|''|2|false|0|0|''|/tmp/a.pcap",
        "icmp -i veth0|veth0|0|false|0|0|''|''",
    })
    void readsWhatIsAsked(String line, String device, int numeric, boolean link, int verbose, int count, String write,
            String read) {
        Command c = Tcpdump.parse(words(line));
        assertThat(c).isInstanceOf(Tcpdump.Run.class);
        Tcpdump.Request r = ((Tcpdump.Run) c).request();
        assertThat(r.device()).isEqualTo(device.isEmpty() ? Optional.empty() : Optional.of(device));
        assertThat(r.numeric()).isEqualTo(numeric);
        assertThat(r.link()).isEqualTo(link);
        assertThat(r.verbose()).isEqualTo(verbose);
        assertThat(r.count()).isEqualTo(count);
        assertThat(r.write()).isEqualTo(write.isEmpty() ? Optional.empty() : Optional.of(write));
        assertThat(r.read()).isEqualTo(read.isEmpty() ? Optional.empty() : Optional.of(read));
        assertThat(r.filterError()).isEmpty();
    }

    @ParameterizedTest(name = "tcpdump {0}")
    @CsvSource(delimiter = '|', value = {
        "-c x -i veth0|tcpdump: invalid packet count x|1",
        "-c 0 -i veth0|tcpdump: invalid packet count 0|1",
        "-i|tcpdump: option requires an argument -- 'i'|1",
        "-i veth0 -c|tcpdump: option requires an argument -- 'c'|1",
        "-x -y -i veth0|tcpdump: invalid data link type -i|1",
        "-i veth0 port -1|tcpdump: invalid option -- '1'|1",
    })
    void refusesAsTcpdumpDoes(String line, String firstLine, int status) {
        Command c = Tcpdump.parse(words(line));
        assertThat(c).isInstanceOf(Invalid.class);
        Invalid i = (Invalid) c;
        assertThat(i.message().lines().findFirst()).hasValue(firstLine);
        assertThat(i.exitStatus()).isEqualTo(status);
    }

    @ParameterizedTest(name = "tcpdump -i veth0 {0}")
    @CsvSource(delimiter = '|', value = {
        "foo|tcpdump: can't parse filter expression: syntax error",
        "icmp and|tcpdump: can't parse filter expression: syntax error",
        "icmp or (arp|tcpdump: can't parse filter expression: syntax error",
        "src or dst|tcpdump: can't parse filter expression: syntax error",
        "icmp icmp|tcpdump: can't parse filter expression: syntax error",
        "port 99999|tcpdump: illegal port number 99999 > 65535",
        "port abc|tcpdump: unknown port 'abc'",
        "host 10.0.0.300|tcpdump: invalid IPv4 address '10.0.0.300'",
        "host foo.invalid|tcpdump: unknown host 'foo.invalid'",
    })
    void aBadFilterIsRefusedOnceTheDeviceIsOpen(String expression, String error) {
        Tcpdump.Run run = (Tcpdump.Run) Tcpdump.parse(words("-i veth0 " + expression));
        assertThat(run.request().filterError()).hasValue(error);
    }

    @ParameterizedTest(name = "tcpdump {0}")
    @CsvSource(delimiter = '|', value = {"-X -i veth0", "-i veth0 -w /tmp/a -r /tmp/b"})
    void whatTheLabDoesNotModelSaysSo(String line) {
        assertThat(Tcpdump.parse(words(line))).isInstanceOf(Unsupported.class);
    }

    private static List<String> words(String line) {
        return Arrays.asList(line.split(" "));
    }
}
