package com.krleads.scraper.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolitenessDelayTest {
    @Test
    void aDelayBelowTheMinimumIsNotAllowed() {
        PolitenessDelay delay = new PolitenessDelay(1000);
        assertThat(delay.allows(999)).isFalse();
        assertThat(delay.allows(1000)).isTrue();
        assertThat(delay.allows(PolitenessDelay.MAX_MILLIS)).isTrue();
        assertThat(delay.allows(PolitenessDelay.MAX_MILLIS + 1)).isFalse();
    }

    @Test
    void theDefaultNeverUndercutsTheMinimum() {
        assertThat(new PolitenessDelay(0).defaultMillis()).isEqualTo(PolitenessDelay.DEFAULT_MILLIS);
        assertThat(new PolitenessDelay(5000).defaultMillis()).isEqualTo(5000);
        assertThatThrownBy(() -> new PolitenessDelay(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
