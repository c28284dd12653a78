package com.krleads.scraper.metrics;

import static com.krleads.metrics.MetricCatalog.SOURCE_YIELD_FINDING;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.LabelValues.YieldFinding;
import com.krleads.metrics.Labels;
import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.core.quality.FieldCounts;
import com.krleads.scraper.core.quality.JobQuality;
import com.krleads.scraper.core.quality.JobQualityService;
import com.krleads.scraper.core.quality.QualityRules;
import com.krleads.scraper.db.JdbiQualityStore;
import com.krleads.scraper.db.JobDao;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.Replicas;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two replicas of the service on one PostgreSQL database: a source's findings are reported by exactly one. */
class SourceFindingsReplicasIT {
    private static final AdminScraper HTTP = new AdminScraper();
    private static final long TAKE_OVER_LIMIT_MILLIS = 5_000;
    private final List<DropwizardTestSupport<LeadScraperConfiguration>> apps = new ArrayList<>();

    @AfterEach
    void stopAll() {
        apps.forEach(DropwizardTestSupport::after);
    }

    @Test
    void exactlyOneReplicaReportsAFindingAndTheOtherTakesOver() {
        DataSourceFactory database = TestDatabase.POSTGRES.freshFactory();
        Jdbi jdbi = migrated(database);
        long sourceId = Fixtures.insertSource(jdbi, "busan-broken");
        long jobId = jdbi.onDemand(JobDao.class).insert(sourceId, "scraping", Instant.now());
        jdbi.useHandle(h -> h.execute("UPDATE jobs SET status = 'completed' WHERE id = ?", jobId));
        new JobQualityService(new JdbiQualityStore(jdbi), new QualityRules(0.5, 0.5, 0.1), 5, Clock.systemUTC())
                .jobEnded(jobId, sourceId, true, new JobQuality(1, new FieldCounts(0, new int[7]), 1, 1));

        DropwizardTestSupport<LeadScraperConfiguration> first = replica(database);
        DropwizardTestSupport<LeadScraperConfiguration> second = replica(database);
        List<ParsedScrape.Series> fromFirst = zeroYield(first);
        List<ParsedScrape.Series> fromSecond = zeroYield(second);
        assertThat(fromFirst.size() + fromSecond.size()).isOne();
        assertThat(fromFirst.isEmpty() ? fromSecond : fromFirst).singleElement()
                .satisfies(series -> assertThat(series.value()).isEqualTo(1));

        DropwizardTestSupport<LeadScraperConfiguration> holder = fromFirst.isEmpty() ? second : first;
        DropwizardTestSupport<LeadScraperConfiguration> other = holder == first ? second : first;
        holder.after();
        apps.remove(holder);
        long stopped = System.nanoTime();
        List<ParsedScrape.Series> afterHandover = zeroYield(other);
        while (afterHandover.isEmpty() && System.nanoTime() - stopped < TAKE_OVER_LIMIT_MILLIS * 1_000_000L) {
            afterHandover = zeroYield(other);
        }
        assertThat(afterHandover).singleElement().satisfies(series -> assertThat(series.value()).isEqualTo(1));
    }

    private static List<ParsedScrape.Series> zeroYield(DropwizardTestSupport<LeadScraperConfiguration> app) {
        return HTTP.scrape(app.getAdminPort()).named(SOURCE_YIELD_FINDING.name()).stream()
                .filter(s -> "busan-broken".equals(s.labels().get(Labels.SOURCE))
                        && YieldFinding.ZERO_YIELD.label().equals(s.labels().get(Labels.FINDING)))
                .toList();
    }

    private DropwizardTestSupport<LeadScraperConfiguration> replica(DataSourceFactory database) {
        DropwizardTestSupport<LeadScraperConfiguration> app = Replicas.start("findings" + (apps.size() + 1), database);
        apps.add(app);
        return app;
    }

    private static Jdbi migrated(DataSourceFactory database) {
        return Replicas.migrated(database);
    }
}
