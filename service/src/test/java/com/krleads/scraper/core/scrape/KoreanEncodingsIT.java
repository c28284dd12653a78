package com.krleads.scraper.core.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.LabelValues.EnrichmentMode;
import com.krleads.scraper.core.enrich.Enricher;
import com.krleads.scraper.core.job.Job;
import com.krleads.scraper.core.job.JobControl;
import com.krleads.scraper.core.job.JobCounts;
import com.krleads.scraper.core.job.JobStatus;
import com.krleads.scraper.core.net.UrlGuard;
import com.krleads.scraper.core.source.Selectors;
import com.krleads.scraper.core.source.Source;
import com.krleads.scraper.db.JdbiLeadStore;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.KoreanSite;
import com.krleads.scraper.testing.RecordingEvents;
import com.krleads.scraper.testing.TestConfigs;
import com.krleads.scraper.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CP949 page with syllables outside KS X 1001 is stored exactly, on H2 and PostgreSQL,
 * whichever way the site labels it, and a page with undecodable bytes is stored with them
 * replaced and counted.
 */
class KoreanEncodingsIT {
    private static final Job JOB = new Job(7, 1, "scraping", JobStatus.RUNNING, 1, JobCounts.NONE, null,
            "test-worker", null, null, Instant.EPOCH, Instant.EPOCH, null);
    private static final Selectors SELECTORS = new Selectors(".listing", ".name", ".tel", null, null, ".addr", null,
            null);
    private static final JobControl NEVER_CANCELLED = new JobControl() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void pageDone(JobCounts soFar) {
        }
    };
    private static KoreanSite site;
    private final RecordingEvents events = new RecordingEvents();

    @BeforeAll
    static void startSite() throws Exception {
        site = KoreanSite.start();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    private List<String> scrape(TestDatabase database, String path) throws Exception {
        Jdbi jdbi = database.freshJdbi();
        long sourceId = Fixtures.insertSource(jdbi, "korean");
        PageFetcher fetcher = new PageFetcher(TestConfigs.scraper(true), new UrlGuard(true)::resolve, d -> { });
        ScrapeJobRunner runner = new ScrapeJobRunner(fetcher,
                new LeadAssembler(new Enricher(EnrichmentMode.OFF, null, events), null),
                new JdbiLeadStore(jdbi, Clock.systemUTC(), 0.85), events,
                ScrapeJobRunner.Bounds.deadline(Duration.ofMinutes(1)));
        Source source = new Source(sourceId, "korean", site.url(path), SELECTORS, 1, 0, true, Instant.EPOCH,
                Instant.EPOCH);
        assertThat(runner.run(JOB, source, NEVER_CANCELLED)).isEqualTo(new JobCounts(1, 1, 0, 0));
        return jdbi.withHandle(h -> h.createQuery("SELECT company_name || '|' || address FROM leads")
                .mapTo(String.class).list());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/header/euc-kr", "/header/EUC-KR", "/header/ks_c_5601-1987", "/header/cp949",
            "/header/windows-949", "/header/korean", "/header/ksc5601", "/header/csksc56011987",
            "/meta-charset", "/meta-http-equiv", "/undeclared", "/bom"})
    void aCp949PageIsStoredExactlyOnH2(String path) throws Exception {
        assertThat(scrape(TestDatabase.H2, path)).containsExactly(KoreanSite.NAME + "|" + KoreanSite.ADDRESS);
        assertThat(events.all()).contains("decoded:korean:0");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPageLabelledEucKrIsStoredExactlyOnBothDatabases(TestDatabase database) throws Exception {
        assertThat(scrape(database, "/header/ks_c_5601-1987")).containsExactly(KoreanSite.NAME + "|" + KoreanSite.ADDRESS);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void undecodableBytesAreReplacedAndCounted(TestDatabase database) throws Exception {
        assertThat(scrape(database, "/broken")).containsExactly(KoreanSite.NAME + "|" + KoreanSite.ADDRESS);
        assertThat(events.all()).contains("decoded:korean:" + KoreanSite.BROKEN_SEQUENCES);
    }
}
