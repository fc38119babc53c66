package org.netnslab.sim;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.backend.SysctlKey;

/**
 * {@code net/ipv4/devinet.c}'s {@code ipv4_devconf}: a namespace's {@code conf.all}, {@code conf.default} and
 * each device's settings, with the kernel's side effects. {@code ip_forward} is {@code conf.all.forwarding};
 * a change of it sets every device's and default's forwarding ({@code inet_forward_change}). A device
 * starts with default's values ({@code inetdev_init}); writing default sets a key of every device that was
 * not set itself ({@code devinet_copy_dflt_conf}), except forwarding, which default keeps to itself.
 *
 * <p>A device's settings are made the first time they are read or written, from default as it is then,
 * and every device is made before default or all change: what default held when a device was made is what
 * it holds when the device is first seen.
 */
final class Devconf {

    private static final List<String> KEYS = SysctlKey.CONF_KEYS;

    private final Namespace ns;
    private final int[] all = initial();
    private final int[] dflt = initial();
    private final Map<Device, Settings> devices = new IdentityHashMap<>();
    /** The keys right under net.ipv4 but ip_forward, which is {@code ns.ipForward}. */
    private final Map<String, Integer> ipv4 = new HashMap<>();

    /** A device's values, and which of them were written to the device itself. */
    private static final class Settings {
        final int[] values;
        final boolean[] set = new boolean[KEYS.size()];

        Settings(int[] values) {
            this.values = values;
        }
    }

    Devconf(Namespace ns) {
        this.ns = ns;
    }

    /** The value of a key; empty for a device the namespace does not have. */
    Optional<Integer> get(SysctlKey key) {
        if (key.device().isEmpty()) {
            return Optional.of(key.name().equals("ip_forward") ? ns.ipForward
                    : ipv4.getOrDefault(key.name(), key.initial()));
        }
        int i = KEYS.indexOf(key.name());
        return switch (key.device().get()) {
            case "all" -> Optional.of(i == KEYS.indexOf("forwarding") ? ns.ipForward : all[i]);
            case "default" -> Optional.of(dflt[i]);
            default -> ns.device(key.device().get()).map(d -> settings(d).values[i]);
        };
    }

    /** {@code IN_DEV_FORWARD}: whether the kernel forwards what comes in on {@code d}. */
    boolean forwarding(Device d) {
        return ns.device(d.name).orElse(null) != d ? ns.forwarding() : settings(d).values[KEYS.indexOf("forwarding")] != 0;
    }

    /** Writes a key; false for a device the namespace does not have. */
    boolean set(SysctlKey key, int value) {
        if (key.device().isEmpty() && !key.name().equals("ip_forward")) {
            ipv4.put(key.name(), value);
            return true;
        }
        int forwarding = KEYS.indexOf("forwarding");
        String device = key.device().orElse("all");
        int i = key.device().isEmpty() ? forwarding : KEYS.indexOf(key.name());
        if (device.equals("all") || device.equals("default")) {
            ns.devices().forEach(this::settings);
        }
        if (device.equals("all") && i == forwarding) {
            if (ns.ipForward != value) {
                ns.ipForward = value;
                dflt[forwarding] = value;
                for (Settings s : devices.values()) {
                    s.values[forwarding] = value;
                    s.set[forwarding] = true;
                }
            }
            return true;
        }
        if (device.equals("all")) {
            all[i] = value;
            return true;
        }
        if (device.equals("default")) {
            dflt[i] = value;
            if (i != forwarding) {
                for (Settings s : devices.values()) {
                    if (!s.set[i]) {
                        s.values[i] = value;
                    }
                }
            }
            return true;
        }
        Optional<Device> d = ns.device(device);
        if (d.isEmpty()) {
            return false;
        }
        Settings s = settings(d.get());
        s.values[i] = value;
        s.set[i] = true;
        return true;
    }

    private Settings settings(Device d) {
        devices.keySet().removeIf(known -> ns.device(known.name).orElse(null) != known);
        return devices.computeIfAbsent(d, x -> new Settings(dflt.clone()));
    }

    private static int[] initial() {
        return KEYS.stream().mapToInt(k -> new SysctlKey(Optional.of("default"), k).initial()).toArray();
    }
}
