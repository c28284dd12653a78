package com.krleads.scraper.db;

import static com.krleads.metrics.LabelValues.ItemField.NAME;
import static com.krleads.metrics.LabelValues.ItemField.PHONE;
import static com.krleads.metrics.LabelValues.ItemField.PHONE_VALID;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.LabelValues.ItemField;
import com.krleads.scraper.core.job.JobStatus;
import com.krleads.scraper.core.quality.Baseline;
import com.krleads.scraper.core.quality.FieldCounts;
import com.krleads.scraper.core.quality.Finding;
import com.krleads.scraper.core.quality.JobQuality;
import com.krleads.scraper.core.quality.JobQualityService;
import com.krleads.scraper.core.quality.QualityRecord;
import com.krleads.scraper.core.quality.QualityRules;
import com.krleads.scraper.core.quality.SourceHealth;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Jobs' quality and the baseline's medians, computed by each database. */
class JdbiQualityStoreIT {
    private static final QualityRules RULES = new QualityRules(0.5, 0.5, 0.1);
    private Jdbi jdbi;
    private JdbiQualityStore store;
    private Instant now = Instant.parse("2026-03-01T00:00:00Z");

    private void open(TestDatabase db) {
        jdbi = db.freshJdbi();
        store = new JdbiQualityStore(jdbi);
    }

    /** A job of the source that ended with {@code status}, {@code items} items of which {@code phones} had a valid phone. */
    private QualityRecord end(long sourceId, JobStatus status, int items, int phones) {
        long jobId = jdbi.onDemand(JobDao.class).insert(sourceId, "scraping", now);
        jdbi.useHandle(h -> h.execute("UPDATE jobs SET status = ? WHERE id = ?", status.value(), jobId));
        int[] counts = new int[ItemField.values().length];
        counts[NAME.ordinal()] = items;
        counts[PHONE.ordinal()] = phones;
        counts[PHONE_VALID.ordinal()] = phones;
        now = now.plusSeconds(60);
        JobQualityService service = new JobQualityService(store, RULES, 5, Clock.fixed(now, ZoneOffset.UTC));
        return service.jobEnded(jobId, sourceId, status == JobStatus.COMPLETED,
                new JobQuality(1, new FieldCounts(items, counts), items == 0 ? 1 : 0, items == 0 ? 1 : 0));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theBaselineIsTheMedianOfTheLastFiveCompletedJobs(TestDatabase db) {
        open(db);
        long source = Fixtures.insertSource(jdbi, "seoul");
        end(source, JobStatus.COMPLETED, 1000, 0);
        for (int items : new int[] {40, 10, 30, 50, 20}) {
            end(source, JobStatus.COMPLETED, items, items);
        }
        end(source, JobStatus.FAILED, 0, 0);
        end(source, JobStatus.CANCELLED, 1, 0);

        Baseline baseline = store.baseline(source, -1, 5);
        assertThat(baseline.jobs()).isEqualTo(5);
        assertThat(baseline.items()).isEqualTo(30.0);
        assertThat(baseline.coverage(PHONE)).isEqualTo(1.0);
        assertThat(store.baseline(source, -1, 2).items()).isEqualTo(35.0);
        assertThat(store.baseline(Fixtures.insertSource(jdbi, "new"), -1, 5)).isEqualTo(Baseline.NONE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCompletedJobIsComparedAndItsFindingsKept(TestDatabase db) {
        open(db);
        long source = Fixtures.insertSource(jdbi, "busan");
        QualityRecord first = end(source, JobStatus.COMPLETED, 0, 0);
        assertThat(first.findings()).containsExactly(Finding.zeroYield(Double.NaN));
        for (int i = 0; i < 3; i++) {
            end(source, JobStatus.COMPLETED, 40, 39);
        }
        QualityRecord noPhones = end(source, JobStatus.COMPLETED, 40, 0);

        QualityRecord stored = store.find(noPhones.jobId()).orElseThrow();
        assertThat(stored).isEqualTo(noPhones);
        assertThat(stored.baselineJobs()).isEqualTo(4);
        assertThat(stored.baselineItems()).isEqualTo(40.0);
        assertThat(stored.findings()).extracting(Finding::kind, Finding::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.COVERAGE_DROP, PHONE),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.COVERAGE_DROP, PHONE_VALID));
        assertThat(stored.warnings()).contains("phone on 0 of 40 items (median of the last 4 jobs: 98 %)");
        assertThat(store.lastCompared(source)).contains(stored);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void failedAndCancelledJobsAreKeptButNeitherComparedNorZeroYield(TestDatabase db) {
        open(db);
        long source = Fixtures.insertSource(jdbi, "daegu");
        QualityRecord completed = end(source, JobStatus.COMPLETED, 40, 40);
        QualityRecord failed = end(source, JobStatus.FAILED, 0, 0);
        QualityRecord cancelled = end(source, JobStatus.CANCELLED, 0, 0);

        assertThat(failed.compared()).isFalse();
        assertThat(failed.findings()).isEmpty();
        assertThat(cancelled.findings()).isEmpty();
        assertThat(store.find(failed.jobId()).orElseThrow().warnings())
                .containsExactly("the item selector matched nothing on page 1");
        assertThat(store.lastCompared(source).orElseThrow().jobId()).isEqualTo(completed.jobId());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyEnabledSourcesWithACompletedJobHaveHealth(TestDatabase db) {
        open(db);
        long broken = Fixtures.insertSource(jdbi, "broken");
        long fine = Fixtures.insertSource(jdbi, "fine");
        long disabled = Fixtures.insertSource(jdbi, "disabled");
        Fixtures.insertSource(jdbi, "never-ran");
        end(broken, JobStatus.COMPLETED, 40, 40);
        end(broken, JobStatus.COMPLETED, 0, 0);
        end(fine, JobStatus.COMPLETED, 10, 10);
        end(disabled, JobStatus.COMPLETED, 0, 0);
        jdbi.useHandle(h -> h.execute("UPDATE sources SET enabled = FALSE WHERE id = ?", disabled));

        assertThat(store.enabledSources()).extracting(SourceHealth::source).containsExactly("broken", "fine");
        SourceHealth brokenHealth = store.enabledSources().get(0);
        assertThat(brokenHealth.last().findings()).containsExactly(Finding.zeroYield(40));
        assertThat(store.enabledSources().get(1).last().findings()).isEmpty();

        jdbi.onDemand(SourceDao.class).delete(broken);
        assertThat(store.enabledSources()).extracting(SourceHealth::source).containsExactly("fine");
        int findingsLeft = jdbi.withHandle(h -> h.select("SELECT COUNT(*) FROM job_findings").mapTo(Integer.class).one());
        assertThat(findingsLeft).as("findings of a deleted source go with it").isOne();
    }
}
