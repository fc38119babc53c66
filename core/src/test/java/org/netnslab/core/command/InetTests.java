package org.netnslab.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.netnslab.core.net.Ipv4Address;

class InetTests {

    @Test
    void inetAtonReadsWhatGetaddrinfoReads() {
        assertThat(Inet.inetAton("10.0.0.1")).contains(Ipv4Address.parse("10.0.0.1"));
        assertThat(Inet.inetAton("0X0A.1")).contains(Ipv4Address.parse("10.0.0.1"));
        assertThat(Inet.inetAton("255.255.65535")).contains(Ipv4Address.parse("255.255.255.255"));
        assertThat(Inet.inetAton("1.2.65536")).isEmpty();
        assertThat(Inet.inetAton("1..2")).isEmpty();
        assertThat(Inet.inetAton("1.2.")).isEmpty();
        assertThat(Inet.inetAton("09.1.1.1")).isEmpty();
        assertThat(Inet.inetAton("\u0661.1.1.1")).isEmpty();
    }
}
