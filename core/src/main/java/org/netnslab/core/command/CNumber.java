package org.netnslab.core.command;

import java.math.BigInteger;
import java.util.Optional;

/** A number as C's {@code strtoul(s, &end, 0)} reads it when it reads the whole word. */
final class CNumber {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private CNumber() {}

    /**
     * The digits of a number of base 0, after any sign: {@code 0x} then hex, {@code 0} then octal, else decimal,
     * all in ASCII; empty when they are not all digits of their base. Past a long, the largest long (no C
     * number the tools read is that large).
     */
    static Optional<Long> baseZero(String digits) {
        int radix = 10;
        String d = digits;
        if (d.length() > 2 && (d.startsWith("0x") || d.startsWith("0X"))) {
            radix = 16;
            d = d.substring(2);
        } else if (d.length() > 1 && d.startsWith("0")) {
            radix = 8;
            d = d.substring(1);
        }
        int r = radix;
        if (d.isEmpty() || !d.chars().allMatch(c -> c < 128 && Character.digit(c, r) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger(d, radix).min(LONG_MAX).longValue());
    }
}
