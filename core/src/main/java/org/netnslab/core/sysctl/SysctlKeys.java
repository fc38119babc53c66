package org.netnslab.core.sysctl;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which keys exist under /proc/sys in a lab's namespace: a real key the lab does not model yet is said to be
 * outside the lab, a key that does not exist is a file {@code sysctl} cannot stat.
 *
 * <p>The table under {@code net} is what Linux 6.18 shows in a network namespace that is not the machine's
 * first (every lab namespace, the host included), as {@code unshare -n sysctl -a -N} lists it, with the
 * modules a lab's machine loads ({@code nf_conntrack} for net.netfilter, {@code br_netfilter} for
 * net.bridge). Some keys of the first namespace are not there: {@code net.core.netdev_max_backlog},
 * {@code net.ipv4.neigh.default}. A device's directory ({@code conf.DEV}, {@code neigh.DEV}) is there for each
 * link of the namespace, and conf's also for {@code all} and {@code default}. A directory is a key too
 * ({@code sysctl net.ipv4.conf} lists it). Outside net a lab models nothing, and its trees are taken whole.
 */
final class SysctlKeys {

    /** The trees outside net: any key in them is taken for a real one. */
    private static final List<String> OTHER_TREES = List.of("kernel", "vm", "fs");

    /** Keys of each tree, after its name and a dot: {@code route.min_pmtu} is {@code net.ipv4.route.min_pmtu}. */
    private static final Map<String, String> TREES = Map.of(
            "net.ipv4", """
                fib_multipath_hash_fields fib_multipath_hash_policy fib_multipath_hash_seed
                fib_multipath_use_neigh fib_notify_on_flag_change fwmark_reflect icmp_echo_enable_probe
                icmp_echo_ignore_all icmp_echo_ignore_broadcasts icmp_errors_use_inbound_ifaddr
                icmp_ignore_bogus_error_responses icmp_msgs_burst icmp_msgs_per_sec icmp_ratelimit
                icmp_ratemask igmp_link_local_mcast_reports igmp_max_memberships igmp_max_msf igmp_qrv
                ip_autobind_reuse ip_default_ttl ip_dynaddr ip_early_demux ip_forward
                ip_forward_update_priority ip_forward_use_pmtu ip_local_port_range ip_local_reserved_ports
                ip_no_pmtu_disc ip_nonlocal_bind ip_unprivileged_port_start ipfrag_high_thresh
                ipfrag_low_thresh ipfrag_max_dist ipfrag_time nexthop_compat_mode ping_group_range
                raw_l3mdev_accept route.min_adv_mss route.min_pmtu route.mtu_expires tcp_abort_on_overflow
                tcp_adv_win_scale tcp_allowed_congestion_control tcp_app_win tcp_autocorking
                tcp_available_congestion_control tcp_backlog_ack_defer tcp_base_mss tcp_challenge_ack_limit
                tcp_child_ehash_entries tcp_comp_sack_delay_ns tcp_comp_sack_nr tcp_comp_sack_slack_ns
                tcp_congestion_control tcp_dsack tcp_early_demux tcp_early_retrans tcp_ecn tcp_ecn_fallback
                tcp_ecn_option tcp_ecn_option_beacon tcp_ehash_entries tcp_fack tcp_fastopen
                tcp_fastopen_blackhole_timeout_sec tcp_fastopen_key tcp_fin_timeout tcp_frto tcp_fwmark_accept
                tcp_invalid_ratelimit tcp_keepalive_intvl tcp_keepalive_probes tcp_keepalive_time
                tcp_l3mdev_accept tcp_limit_output_bytes tcp_max_reordering tcp_max_syn_backlog
                tcp_max_tw_buckets tcp_migrate_req tcp_min_rtt_wlen tcp_min_snd_mss tcp_min_tso_segs
                tcp_moderate_rcvbuf tcp_mtu_probe_floor tcp_mtu_probing tcp_no_metrics_save
                tcp_no_ssthresh_metrics_save tcp_notsent_lowat tcp_orphan_retries tcp_pacing_ca_ratio
                tcp_pacing_ss_ratio tcp_pingpong_thresh tcp_plb_cong_thresh tcp_plb_enabled
                tcp_plb_idle_rehash_rounds tcp_plb_rehash_rounds tcp_plb_suspend_rto_sec tcp_probe_interval
                tcp_probe_threshold tcp_recovery tcp_reflect_tos tcp_reordering tcp_retrans_collapse
                tcp_retries1 tcp_retries2 tcp_rfc1337 tcp_rmem tcp_rto_max_ms tcp_rto_min_us tcp_sack
                tcp_shrink_window tcp_slow_start_after_idle tcp_stdurg tcp_syn_linear_timeouts tcp_syn_retries
                tcp_synack_retries tcp_syncookies tcp_thin_linear_timeouts tcp_timestamps tcp_tso_rtt_log
                tcp_tso_win_divisor tcp_tw_reuse tcp_tw_reuse_delay tcp_window_scaling tcp_wmem
                tcp_workaround_signed_windows udp_child_hash_entries udp_early_demux udp_hash_entries
                udp_l3mdev_accept udp_rmem_min udp_wmem_min xfrm4_gc_thresh
            """,
            "net.ipv6", """
                anycast_src_echo_reply auto_flowlabels bindv6only fib_multipath_hash_fields
                fib_multipath_hash_policy fib_notify_on_flag_change flowlabel_consistency flowlabel_reflect
                flowlabel_state_ranges fwmark_reflect icmp.echo_ignore_all icmp.echo_ignore_anycast
                icmp.echo_ignore_multicast icmp.error_anycast_as_unicast icmp.ratelimit icmp.ratemask
                idgen_delay idgen_retries ioam6_id ioam6_id_wide ip6frag_high_thresh ip6frag_low_thresh
                ip6frag_time ip_nonlocal_bind max_dst_opts_length max_dst_opts_number max_hbh_length
                max_hbh_opts_number route.gc_elasticity route.gc_interval route.gc_min_interval
                route.gc_min_interval_ms route.gc_thresh route.gc_timeout route.max_size route.min_adv_mss
                route.mtu_expires route.skip_notify_on_dev_down seg6_flowlabel xfrm6_gc_thresh
            """,
            "net.core", """
                optmem_max rmem_default rmem_max rps_default_mask somaxconn tstamp_allow_data txrehash
                wmem_default wmem_max xfrm_acq_expires xfrm_aevent_etime xfrm_aevent_rseqth xfrm_larval_drop
            """,
            "net.netfilter", """
                nf_conntrack_acct nf_conntrack_buckets nf_conntrack_checksum nf_conntrack_count
                nf_conntrack_events nf_conntrack_expect_max nf_conntrack_frag6_high_thresh
                nf_conntrack_frag6_low_thresh nf_conntrack_frag6_timeout nf_conntrack_generic_timeout
                nf_conntrack_gre_timeout nf_conntrack_gre_timeout_stream nf_conntrack_icmp_timeout
                nf_conntrack_icmpv6_timeout nf_conntrack_log_invalid nf_conntrack_max
                nf_conntrack_sctp_timeout_closed nf_conntrack_sctp_timeout_cookie_echoed
                nf_conntrack_sctp_timeout_cookie_wait nf_conntrack_sctp_timeout_established
                nf_conntrack_sctp_timeout_heartbeat_sent nf_conntrack_sctp_timeout_shutdown_ack_sent
                nf_conntrack_sctp_timeout_shutdown_recd nf_conntrack_sctp_timeout_shutdown_sent
                nf_conntrack_tcp_be_liberal nf_conntrack_tcp_ignore_invalid_rst nf_conntrack_tcp_loose
                nf_conntrack_tcp_max_retrans nf_conntrack_tcp_timeout_close
                nf_conntrack_tcp_timeout_close_wait nf_conntrack_tcp_timeout_established
                nf_conntrack_tcp_timeout_fin_wait nf_conntrack_tcp_timeout_last_ack
                nf_conntrack_tcp_timeout_max_retrans nf_conntrack_tcp_timeout_syn_recv
                nf_conntrack_tcp_timeout_syn_sent nf_conntrack_tcp_timeout_time_wait
                nf_conntrack_tcp_timeout_unacknowledged nf_conntrack_timestamp nf_conntrack_udp_timeout
                nf_conntrack_udp_timeout_stream nf_hooks_lwtunnel nf_log.0 nf_log.1 nf_log.10 nf_log.2
                nf_log.3 nf_log.4 nf_log.5 nf_log.6 nf_log.7 nf_log.8 nf_log.9
            """,
            "net.bridge", """
                bridge-nf-call-arptables bridge-nf-call-ip6tables bridge-nf-call-iptables bridge-nf-filter-
                pppoe-tagged bridge-nf-filter-vlan-tagged bridge-nf-pass-vlan-input-dev
            """,
            "net.mptcp", """
                add_addr_timeout allow_join_initial_addr_port available_path_managers available_schedulers
                blackhole_timeout checksum_enabled close_timeout enabled path_manager pm_type scheduler
                stale_loss_cnt syn_retrans_before_tcp_fallback
            """,
            "net.unix", """
                max_dgram_qlen
            """);

    /** Keys of each device's directory: {@code net.ipv4.conf.DEV.forwarding}. */
    private static final Map<String, String> PER_DEVICE = Map.of(
            "net.ipv4.conf", """
                accept_local accept_redirects accept_source_route arp_accept arp_announce arp_evict_nocarrier
                arp_filter arp_ignore arp_notify bc_forwarding bootp_relay disable_policy disable_xfrm
                drop_gratuitous_arp drop_unicast_in_l2_multicast force_igmp_version forwarding
                igmpv2_unsolicited_report_interval igmpv3_unsolicited_report_interval
                ignore_routes_with_linkdown log_martians mc_forwarding medium_id promote_secondaries proxy_arp
                proxy_arp_pvlan route_localnet rp_filter secure_redirects send_redirects shared_media
                src_valid_mark tag
            """,
            "net.ipv6.conf", """
                accept_dad accept_ra accept_ra_defrtr accept_ra_from_local accept_ra_min_hop_limit
                accept_ra_min_lft accept_ra_mtu accept_ra_pinfo accept_ra_rt_info_max_plen
                accept_ra_rt_info_min_plen accept_ra_rtr_pref accept_redirects accept_source_route
                accept_untracked_na addr_gen_mode autoconf dad_transmits disable_ipv6 disable_policy
                drop_unicast_in_l2_multicast drop_unsolicited_na enhanced_dad force_forwarding
                force_mld_version force_tllao forwarding hop_limit ignore_routes_with_linkdown ioam6_enabled
                ioam6_id ioam6_id_wide keep_addr_on_down max_addresses max_desync_factor mc_forwarding
                mldv1_unsolicited_report_interval mldv2_unsolicited_report_interval mtu ndisc_evict_nocarrier
                ndisc_notify ndisc_tclass optimistic_dad proxy_ndp ra_defrtr_metric ra_honor_pio_life
                ra_honor_pio_pflag regen_max_retry regen_min_advance router_probe_interval
                router_solicitation_delay router_solicitation_interval router_solicitation_max_interval
                router_solicitations rpl_seg_enabled seg6_enabled seg6_require_hmac stable_secret
                suppress_frag_ndisc temp_prefered_lft temp_valid_lft use_oif_addrs_only use_optimistic
                use_tempaddr
            """,
            "net.ipv4.neigh", """
                anycast_delay app_solicit base_reachable_time_ms delay_first_probe_time gc_stale_time
                interval_probe_time_ms locktime mcast_resolicit mcast_solicit proxy_delay proxy_qlen
                retrans_time_ms ucast_solicit unres_qlen unres_qlen_bytes
            """,
            "net.ipv6.neigh", """
                anycast_delay app_solicit base_reachable_time_ms delay_first_probe_time gc_stale_time
                interval_probe_time_ms locktime mcast_resolicit mcast_solicit proxy_delay proxy_qlen
                retrans_time_ms ucast_solicit unres_qlen unres_qlen_bytes
            """);

    private static final Set<String> KEYS = TREES.entrySet().stream()
            .flatMap(t -> names(t.getValue()).stream().map(n -> t.getKey() + "." + n))
            .collect(Collectors.toUnmodifiableSet());

    private static final Map<String, Set<String>> DEVICE_KEYS = PER_DEVICE.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, d -> names(d.getValue())));

    private SysctlKeys() {}

    /** Whether {@code key} (dotted) exists in a namespace whose links are {@code devices}. */
    static boolean exists(String key, Collection<String> devices) {
        if (OTHER_TREES.stream().anyMatch(t -> key.equals(t) || key.startsWith(t + "."))) {
            return true;
        }
        if (key.equals("net") || KEYS.contains(key) || KEYS.stream().anyMatch(k -> k.startsWith(key + "."))) {
            return true;
        }
        for (Map.Entry<String, Set<String>> directory : DEVICE_KEYS.entrySet()) {
            String prefix = directory.getKey();
            if (key.equals(prefix)) {
                return true;
            }
            if (!key.startsWith(prefix + ".")) {
                continue;
            }
            String rest = key.substring(prefix.length() + 1);
            int dot = rest.indexOf('.');
            String device = dot < 0 ? rest : rest.substring(0, dot);
            boolean conf = prefix.endsWith(".conf");
            if (!devices.contains(device) && !(conf && (device.equals("all") || device.equals("default")))) {
                return false;
            }
            return dot < 0 || directory.getValue().contains(rest.substring(dot + 1));
        }
        return false;
    }

    /** Whether {@code key}, which {@link #exists}, is a directory: {@code net.ipv4}, {@code net.ipv4.conf.lo}. */
    static boolean isDirectory(String key) {
        if (key.equals("net") || KEYS.stream().anyMatch(k -> k.startsWith(key + "."))) {
            return true;
        }
        for (String prefix : DEVICE_KEYS.keySet()) {
            if (key.equals(prefix)) {
                return true;
            }
            if (key.startsWith(prefix + ".")) {
                return key.indexOf('.', prefix.length() + 1) < 0;
            }
        }
        return OTHER_TREES.contains(key);
    }

    private static Set<String> names(String block) {
        return Set.of(block.strip().split("\\s+"));
    }
}
