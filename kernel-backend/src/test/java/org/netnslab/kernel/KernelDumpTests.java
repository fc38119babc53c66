package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netnslab.core.iptables.IptablesFormat;
import org.netnslab.kernel.netlink.Dumps;
import org.netnslab.kernel.netlink.Message;
import org.netnslab.kernel.netlink.NftRule;
import org.netnslab.kernel.netlink.XtRule;
import org.netnslab.kernel.netlink.XtTarget;

/**
 * The kernel's own dump of every rule iptables-nft wrote in the captures, read back by this backend and
 * printed by the lab's iptables-save, line for line as the real iptables-save printed the same dump.
 */
class KernelDumpTests {

    @Test
    void theKernelsDumpReadsAsTheRealIptablesSaveReadIt() throws IOException {
        List<Message> dump = Dumps.load("netfilter/kernel-dump-rules").messages();
        List<String> ours = new ArrayList<>();
        String table = "";
        for (Message m : dump) {
            NftRule r = NftRule.parse(m);
            if (!r.table().equals(table)) {
                table = r.table();
                ours.add("*" + table);
            }
            XtRule xt = XtRule.parse(r.expressions()).orElseThrow(() -> new AssertionError("not read: " + r));
            if (xt.target() instanceof XtTarget.Jump j && j.goTo()) {
                // -g: the model has no goto; the wire format reads it, the model leaves it out
                ours.add("-A " + r.chain() + " -g " + j.chain());
                continue;
            }
            ours.add(IptablesFormat.rule(r.chain(), Netfilter.rule(xt)
                    .orElseThrow(() -> new AssertionError("not in the model: " + r))).strip());
        }
        List<String> theirs = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("netlink/netfilter/kernel-dump-rules.save")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("*") || line.startsWith("-A")) {
                    theirs.add(line);
                }
            }
        }
        assertThat(dump).hasSize(60);
        assertThat(ours).containsExactlyElementsOf(theirs);
    }
}
