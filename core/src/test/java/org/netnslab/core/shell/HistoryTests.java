package org.netnslab.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTests {

    @Test
    void keepsLinesAsBashWithIgnoreBothDoes() {
        History h = new History(List.of("ip a", "ip a", "", "   ", " secret", "ping -c 1 10.0.0.2", "ip a"));
        assertThat(h.lines()).containsExactly("ip a", "ping -c 1 10.0.0.2", "ip a");
    }

    @Test
    void arrowUpWalksBackAndArrowDownGivesBackTheLineBeingTyped() {
        History h = new History(List.of("ip netns add ns1", "ip netns list"));
        assertThat(h.previous("ip r")).isEqualTo("ip netns list");
        assertThat(h.previous("ip netns list")).isEqualTo("ip netns add ns1");
        assertThat(h.previous("ip netns add ns1")).isEqualTo("ip netns add ns1");
        assertThat(h.next("ip netns add ns1")).isEqualTo("ip netns list");
        assertThat(h.next("ip netns list")).isEqualTo("ip r");
        assertThat(h.next("ip r")).isEqualTo("ip r");
    }

    @Test
    void aLineTypedStartsTheWalkAgainBelowTheNewest() {
        History h = new History(List.of("a", "b"));
        h.previous("");
        h.previous("b");
        h.add("c");
        assertThat(h.previous("")).isEqualTo("c");
    }

    @Test
    void theOldestGoPastTheLimit() {
        History h = new History();
        for (int i = 0; i < History.MAX + 3; i++) {
            h.add("echo " + i);
        }
        assertThat(h.lines()).hasSize(History.MAX).first().isEqualTo("echo 3");
    }

    @Test
    void withNothingTypedBeforeArrowUpChangesNothing() {
        assertThat(new History().previous("ip")).isEqualTo("ip");
    }
}
