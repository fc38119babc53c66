package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabLogTests {

    private static LabLog log(LabLog.Entry... entries) {
        return new LabLog(List.of(entries));
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyKindOfEntryGoesThereAndBack() {
        LabLog log = log(LabLog.Entry.command("ip netns add blue"), LabLog.Entry.step(1),
                LabLog.Entry.of(LabLog.Kind.HINT, 1), LabLog.Entry.of(LabLog.Kind.DONE, 1),
                LabLog.Entry.of(LabLog.Kind.SHOWN, 2), LabLog.Entry.of(LabLog.Kind.SKIPPED, 3));

        assertThat(new String(Base64.getUrlDecoder().decode(log.encode()), StandardCharsets.UTF_8)).isEqualTo("""
                $ ip netns add blue
                # step 1
                # hint 1
                # done 1
                # shown 2
                # skip 3
                """);
        assertThat(LabLog.decode(log.encode())).contains(log);
        assertThat(log.stepsApplied()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"# hints 1\n", "# done\n", "# done x\n", "# shown 12345\n", "#done 1\n"})
    void aLineThatIsNoEntryMakesNoLog(String text) {
        assertThat(LabLog.decode(encoded(text))).isEmpty();
    }

    @Test
    void atTheStartOfTheOpenStepTheCommandsTypedSinceAreLeftOutAndItsHintsKept() {
        LabLog log = log(LabLog.Entry.command("ip netns add blue"), LabLog.Entry.of(LabLog.Kind.DONE, 1),
                LabLog.Entry.command("ip netns add green"), LabLog.Entry.of(LabLog.Kind.HINT, 2),
                LabLog.Entry.command("ip link add veth0 type veth"));

        assertThat(log.atStepStart()).isEqualTo(log(LabLog.Entry.command("ip netns add blue"),
                LabLog.Entry.of(LabLog.Kind.DONE, 1), LabLog.Entry.of(LabLog.Kind.HINT, 2)));
        assertThat(log(LabLog.Entry.command("x")).atStepStart()).isEqualTo(LabLog.empty());
    }
}
