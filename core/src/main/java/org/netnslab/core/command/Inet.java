package org.netnslab.core.command;

import java.util.Arrays;
import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * IPv4 addresses as the tools read them: iproute2's {@code get_prefix} and {@code get_addr} (lib/utils.c),
 * glibc's {@code inet_aton}, which getaddrinfo tries first, and what its resolver takes for a host name.
 */
public final class Inet {

    private Inet() {}

    /** {@code get_prefix} for IPv4: {@code default}, {@code all}, {@code any}, or an address with a length. */
    public static Optional<Ipv4Cidr> prefix(String w) {
        if (w.equals("default") || w.equals("all") || w.equals("any")) {
            return Optional.of(Ipv4Cidr.DEFAULT);
        }
        return inetPrefix(w);
    }

    /** {@code get_prefix} without the keywords: {@code ADDR[/LEN]}, the address as {@link #inetAddress}. */
    public static Optional<Ipv4Cidr> inetPrefix(String w) {
        int slash = w.indexOf('/');
        Optional<Ipv4Address> address = inetAddress(slash < 0 ? w : w.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        if (slash < 0) {
            return Optional.of(new Ipv4Cidr(address.get(), 32));
        }
        Optional<Long> len = CNumber.baseZero(w.substring(slash + 1));
        if (len.isEmpty() || len.get() > 32) {
            return Optional.empty();
        }
        return Optional.of(new Ipv4Cidr(address.get(), len.get().intValue()));
    }

    /**
     * {@code get_addr_ipv4}: one to four dotted parts filling the address from the left, each a C number
     * (decimal, {@code 0x} hex or {@code 0} octal) of at most 255: {@code 10.0.0} is {@code 10.0.0.0}.
     */
    public static Optional<Ipv4Address> inetAddress(String w) {
        String[] parts = w.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        int bits = 0;
        for (int i = 0; i < 4; i++) {
            long octet = 0;
            if (i < parts.length) {
                Optional<Long> n = CNumber.baseZero(parts[i]);
                if (n.isEmpty() || n.get() > 255) {
                    return Optional.empty();
                }
                octet = n.get();
            }
            bits = (bits << 8) | (int) octet;
        }
        return Optional.of(new Ipv4Address(bits));
    }

    /**
     * glibc's {@code inet_aton}: one to four parts, each decimal, octal ({@code 010}) or hexadecimal
     * ({@code 0x0a}); the last part fills the bytes left ({@code 10.1} is 10.0.0.1, {@code 167772161} is
     * 10.0.0.1).
     */
    public static Optional<Ipv4Address> inetAton(String s) {
        if (s.isEmpty() || s.endsWith(".")) {
            return Optional.empty();
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<Long> value = CNumber.baseZero(parts[i]);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values[i] = value.get();
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 0xff) {
                return Optional.empty();
            }
            address |= values[i] << (24 - 8 * i);
        }
        long last = values[values.length - 1];
        if (last >= 1L << (8 * (5 - values.length))) {
            return Optional.empty();
        }
        return Optional.of(new Ipv4Address((int) (address | last)));
    }

    /**
     * A word a resolver would look up: letters, digits, dots, hyphens and underscores, in labels of 63 at most,
     * and not starting with a hyphen (glibc's {@code res_hnok}, which keeps an option from being looked up).
     * A lab has no name service, so such a name fails as on a machine without DNS
     * ({@code Temporary failure in name resolution}); any other word fails before a lookup
     * ({@code Name or service not known}).
     */
    public static boolean looksLikeHostName(String s) {
        return !s.isEmpty() && s.length() <= 253 && !s.startsWith("-") && s.chars()
                .allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_'))
                && Arrays.stream(s.split("\\.")).allMatch(label -> label.length() <= 63);
    }

    /**
     * glibc's {@code inet_aton}, which getaddrinfo tries first: one to four parts, each decimal, {@code 0x} hex
     * or {@code 0} octal, the last filling the bytes left ({@code 127.1} is 127.0.0.1, {@code 10.4.0} is
     * 10.4.0.0, {@code 0x0a000002} is 10.0.0.2); empty for any other word, which is looked up as a name.
     */
    public static Optional<Ipv4Address> aton(String s) {
        String[] parts = s.split("\\.", -1);
        if (s.isEmpty() || parts.length > 4) {
            return Optional.empty();
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<Long> n = atonPart(parts[i]);
            if (n.isEmpty()) {
                return Optional.empty();
            }
            v[i] = n.get();
        }
        int last = parts.length - 1;
        for (int i = 0; i < last; i++) {
            if (v[i] > 0xff) {
                return Optional.empty();
            }
        }
        int lastBytes = 4 - last;
        if (v[last] >= 1L << (8 * lastBytes)) {
            return Optional.empty();
        }
        long address = v[last];
        for (int i = 0; i < last; i++) {
            address |= v[i] << (8 * (3 - i));
        }
        return Optional.of(new Ipv4Address((int) address));
    }

    /** One part of inet_aton: strtoul's digits of base 0, at least one, the value below 2^32. */
    private static Optional<Long> atonPart(String p) {
        int base = 10;
        String digits = p;
        if (p.length() > 1 && (p.startsWith("0x") || p.startsWith("0X"))) {
            base = 16;
            digits = p.substring(2);
        } else if (p.length() > 1 && p.startsWith("0")) {
            base = 8;
            digits = p.substring(1);
        }
        if (digits.isEmpty() && base == 16) {
            return Optional.of(0L); // "0x" alone is 0, as glibc reads it
        }
        int radix = base;
        if (digits.isEmpty() || digits.length() > 11 || !digits.chars().allMatch(c -> Character.digit(c, radix) >= 0)) {
            return Optional.empty();
        }
        long n = Long.parseLong(digits, radix);
        return n > 0xffff_ffffL ? Optional.empty() : Optional.of(n);
    }
}
