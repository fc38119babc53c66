package org.netnslab.core.ss;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.netnslab.core.ss.SsTable.Column;

/** ss's render(): columns as wide as their longest field, delimiters, alignment, and the unflushed last field. */
class SsTableTests {

    @Test
    void anEmptyTableIsItsHeaderWithOneSpaceBetweenColumns() {
        SsTable t = new SsTable();
        t.disable(Column.NETID);
        t.header();
        assertThat(t.render()).isEqualTo("State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n");
    }

    @Test
    void addressesAlignRightPortsLeftAndAnEmptyProcessIsPadded() {
        SsTable t = new SsTable();
        t.disable(Column.NETID);
        t.header();
        t.line("tcp", "LISTEN", "0     ", "1     ", "0.0.0.0:", "8080", "0.0.0.0:", "*", "");
        assertThat(t.render()).isEqualTo("State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n"
                + "LISTEN 0      1            0.0.0.0:8080      0.0.0.0:*          \n");
    }

    @Test
    void theLastLinesProcessIsNotMeasuredSoTheHeaderIsNotPaddedForIt() {
        SsTable t = new SsTable();
        t.disable(Column.NETID);
        t.header();
        t.line("tcp", "LISTEN", "0     ", "1     ", "0.0.0.0:", "22", "0.0.0.0:", "*",
                " users:((\"nc\",pid=4242,fd=3))");
        assertThat(t.render()).isEqualTo("State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n"
                + "LISTEN 0      1            0.0.0.0:22        0.0.0.0:*    users:((\"nc\",pid=4242,fd=3))\n");
    }

    @Test
    void withoutAHeaderColumnsAreAsWideAsTheirFields() {
        SsTable t = new SsTable();
        t.disable(Column.NETID);
        t.line("tcp", "LISTEN", "0     ", "1     ", "0.0.0.0:", "8080", "0.0.0.0:", "*", "");
        assertThat(t.render()).isEqualTo("LISTEN 0      1      0.0.0.0:8080 0.0.0.0:*\n");
    }
}
