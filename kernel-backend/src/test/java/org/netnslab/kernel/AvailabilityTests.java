package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Wherever the tests run, kernel mode either can run or says why in one line. */
class AvailabilityTests {

    @Test
    void eitherAvailableOrOneLineWhyNot() {
        KernelBackend.unavailableReason().ifPresent(why -> assertThat(why)
                .startsWith("kernel mode ").doesNotContain("\n").hasSizeLessThan(200));
    }

    @Test
    void askedTwiceTheSameAnswer() {
        assertThat(KernelBackend.unavailableReason()).isEqualTo(KernelBackend.unavailableReason());
    }
}
