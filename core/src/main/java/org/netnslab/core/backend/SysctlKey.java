package org.netnslab.core.backend;

import java.util.List;
import java.util.Optional;

/**
 * A sysctl key the lab models, with the values it takes: {@code net.ipv4.ip_forward} and its two neighbours,
 * and the per-device keys
 * of {@code net.ipv4.conf.DEV} (DEV a link of the namespace, {@code all} or {@code default}) that the
 * tutorials set. Every one is an integer, as the kernel's {@code proc_dointvec} reads it.
 *
 * @param device the directory under {@code net.ipv4.conf} ({@code all}, {@code default} or a link's name);
 *     empty for {@code net.ipv4.ip_forward}
 * @param name the file's name: {@code ip_forward}, {@code forwarding}, {@code rp_filter}, ...
 */
public record SysctlKey(Optional<String> device, String name) {

    public static final String IP_FORWARD = "net.ipv4.ip_forward";

    private static final String CONF = "net.ipv4.conf.";

    /**
     * The keys of each {@code net.ipv4.conf.DEV}, in the order {@code sysctl -a} lists them: those tutorials
     * set, and those {@code sysctl -a | grep forward} shows beside them.
     */
    public static final List<String> CONF_KEYS = List.of("accept_local", "bc_forwarding", "forwarding",
            "mc_forwarding", "proxy_arp", "route_localnet", "rp_filter", "send_redirects");

    /** The keys right under {@code net.ipv4} that the lab models: what {@code sysctl -a | grep ip_forward} shows. */
    public static final List<String> IPV4_KEYS = List.of("ip_forward", "ip_forward_update_priority",
            "ip_forward_use_pmtu");

    /** The value of a key in a namespace the kernel just made. */
    public int initial() {
        return name.equals("send_redirects") || name.equals("ip_forward_update_priority") ? 1 : 0;
    }

    /** The dotted key. */
    public String key() {
        return device.map(d -> CONF + d + "." + name).orElse("net.ipv4." + name);
    }

    /** The key's file under /proc/sys. */
    public String path() {
        return "/proc/sys/" + key().replace('.', '/');
    }

    /**
     * The modelled key that {@code key} (dotted) names, if it is one. A device's name may hold a dot
     * ({@code eth0.100}); the key's last part is its file.
     */
    public static Optional<SysctlKey> of(String key) {
        for (String name : IPV4_KEYS) {
            if (key.equals("net.ipv4." + name)) {
                return Optional.of(new SysctlKey(Optional.empty(), name));
            }
        }
        if (!key.startsWith(CONF)) {
            return Optional.empty();
        }
        int dot = key.lastIndexOf('.');
        String name = key.substring(dot + 1);
        String device = key.substring(CONF.length(), Math.max(dot, CONF.length()));
        return device.isEmpty() || !CONF_KEYS.contains(name) ? Optional.empty()
                : Optional.of(new SysctlKey(Optional.of(device), name));
    }
}
