package com.krleads.scraper.core.quality;

import static com.krleads.metrics.LabelValues.ItemField.EMAIL;
import static com.krleads.metrics.LabelValues.ItemField.NAME;
import static com.krleads.metrics.LabelValues.ItemField.PHONE;
import static com.krleads.metrics.LabelValues.ItemField.PHONE_VALID;
import static com.krleads.scraper.core.quality.FieldCounts.bit;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobQualityMeterTest {
    @Test
    void countsEachPageAndTheWholeJob() {
        JobQualityMeter meter = new JobQualityMeter();
        meter.pageParsed(3);
        meter.item(bit(NAME) | bit(PHONE) | bit(PHONE_VALID));
        meter.item(bit(NAME) | bit(PHONE));
        meter.item(0);
        assertThat(meter.page().items()).isEqualTo(3);
        assertThat(meter.page().count(PHONE)).isEqualTo(2);

        meter.pageParsed(0);
        assertThat(meter.page().items()).isZero();
        assertThat(meter.page().count(NAME)).isZero();

        meter.pageParsed(1);
        meter.item(bit(NAME) | bit(EMAIL));

        JobQuality job = meter.job();
        assertThat(job.pages()).isEqualTo(3);
        assertThat(job.pagesWithoutItems()).isEqualTo(1);
        assertThat(job.firstPageWithoutItems()).isEqualTo(2);
        assertThat(job.counts().items()).isEqualTo(4);
        assertThat(job.counts().count(NAME)).isEqualTo(3);
        assertThat(job.counts().count(PHONE)).isEqualTo(2);
        assertThat(job.counts().count(PHONE_VALID)).isEqualTo(1);
        assertThat(job.counts().count(EMAIL)).isEqualTo(1);
        assertThat(job.counts().coverage(NAME)).isEqualTo(0.75);
    }

    @Test
    void aJobWithoutPagesHasNoCoverage() {
        JobQuality job = new JobQualityMeter().job();
        assertThat(job.pages()).isZero();
        assertThat(job.firstPageWithoutItems()).isZero();
        assertThat(job.counts().coverage(NAME)).isNaN();
    }
}
