package org.netnslab.core.ip;

import static org.netnslab.core.command.Iproute2.getUnsigned;
import static org.netnslab.core.command.Iproute2.invarg;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.BridgeOptions;

/**
 * A bridge's own options, as iproute2 6.1's {@code ip/iplink_bridge.c} reads them ({@code bridge_parse_opt}):
 * the ones a learner sets around the tutorials. STP itself is not simulated, so turning it on is said so.
 */
public final class IpLinkBridge {

    private IpLinkBridge() {}

    /** {@code ip link set BR type bridge OPTIONS}. */
    public record BridgeSet(String device, BridgeOptions options) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            if (context.link(ns, device).isEmpty()) {
                return Ip.cannotFind(device);
            }
            context.backend().setBridgeOptions(ns, device, options);
            return CommandResult.OK;
        }
    }

    /** bridge_parse_opt over the words after {@code type bridge}. */
    static Command parse(String device, Args a) {
        OptionalLong[] times = {OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty()};
        List<String> timeNames = List.of("forward_delay", "hello_time", "max_age", "ageing_time", "stp_state");
        OptionalInt priority = OptionalInt.empty();
        while (a.more()) {
            String w = a.next();
            int t = timeNames.indexOf(w);
            if (t >= 0) {
                String v = a.value();
                Optional<Long> n = getUnsigned(v);
                if (n.isEmpty()) {
                    return invarg("invalid " + w, v);
                }
                if (w.equals("stp_state") && n.get() != 0) {
                    return new Unsupported("STP (stp_state " + v + ")", a.all());
                }
                times[t] = OptionalLong.of(n.get());
            } else if (w.equals("priority")) {
                String v = a.value();
                Optional<Long> n = getUnsigned(v).filter(x -> x <= 0xffff);
                if (n.isEmpty()) {
                    return invarg("invalid priority", v);
                }
                priority = OptionalInt.of(n.get().intValue());
            } else {
                return new Unsupported("the bridge option \"" + w + "\"", a.all());
            }
        }
        return new BridgeSet(device, new BridgeOptions(times[0], times[1], times[2], times[3], times[4], priority));
    }
}
