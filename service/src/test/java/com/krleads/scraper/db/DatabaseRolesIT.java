package com.krleads.scraper.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.limit.TokenBucket;
import com.krleads.scraper.queue.JobQueue;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.db.DataSourceFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;

/**
 * The production roles on PostgreSQL, with the grants file the production compose runs
 * ({@code deploy/postgres/initdb/20-grants.sql}): the migration role builds the schema, the
 * runtime role does all the service's work and is refused every kind of DDL.
 */
class DatabaseRolesIT {
    private static final Path GRANTS = Path.of("../deploy/postgres/initdb/20-grants.sql");

    @Test
    void theRuntimeRoleWorksOnRowsAndIsRefusedDdl() throws Exception {
        DataSourceFactory superuser = TestDatabase.POSTGRES.freshFactory();
        try (Connection c = superuser.build(new MetricRegistry(), "superuser").getConnection();
             Statement s = c.createStatement()) {
            // Roles belong to the server, which all test classes share: created once, as 10-roles.sh does.
            s.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'leads_migrator') THEN
                        CREATE ROLE leads_migrator LOGIN PASSWORD 'migrator-test';
                      END IF;
                      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'leads_app') THEN
                        CREATE ROLE leads_app LOGIN PASSWORD 'app-test';
                      END IF;
                    END $$""");
            s.execute(Files.readString(GRANTS));
        }
        DatabaseMigrations.migrate(as(superuser, "leads_migrator", "migrator-test"));

        Jdbi app = Jdbi.create(as(superuser, "leads_app", "app-test")).installPlugin(new SqlObjectPlugin());
        String user = app.withHandle(h -> h.createQuery("SELECT current_user").mapTo(String.class).one());
        assertThat(user).isEqualTo("leads_app");
        long sourceId = Fixtures.insertSource(app, "roles");
        JdbiLeadStore store = new JdbiLeadStore(app, Clock.systemUTC(), 0.85);
        long lead = store.store(sourceId, Fixtures.draft("역할식당", "+8221110000", null, null, "서울 중구")).leadId();
        store.store(sourceId, new LeadDraft(null, "+8221110000", "a@roles.kr", null, null, null, null, null, null));
        assertThat(app.onDemand(LeadDao.class).search("%roles%", -1, 10, 0)).extracting(l -> l.id()).containsExactly(lead);
        JobQueue queue = new JobQueue(app, new DatabaseClock(app), 3, Duration.ofSeconds(1));
        queue.enqueue(sourceId, JobQueue.SCRAPING);
        assertThat(queue.claim(JobQueue.SCRAPING, "w", Duration.ofMinutes(1))).isPresent();
        assertThat(new SharedKeyAllowance(app, new TokenBucket(2, Duration.ofHours(1))).tryTake("k")).isEmpty();
        assertThat(new SharedHostPacer(app).reserve("roles.example.kr", Duration.ofSeconds(1))).isZero();

        for (String ddl : new String[] {"CREATE TABLE intruder (id INT)", "ALTER TABLE leads ADD COLUMN x INT",
                "DROP TABLE leads", "TRUNCATE leads", "CREATE INDEX idx_x ON leads (category)",
                "DROP INDEX idx_leads_search_trgm"}) {
            assertThatThrownBy(() -> app.useHandle(h -> h.execute(ddl))).as(ddl)
                    .hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().satisfies(e -> assertThat(((SQLException) e).getSQLState())
                            .as("SQL state of %s", ddl).isEqualTo("42501"));
        }
    }

    /** A pool that logs in as {@code user}: the server checks the role itself. */
    private static DataSource as(DataSourceFactory superuser, String user, String password) {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass(superuser.getDriverClass());
        // The embedded server's URL names its superuser, and a user in the URL wins over the property.
        factory.setUrl(superuser.getUrl().replaceAll("[?&]user=[^&]*", ""));
        factory.setUser(user);
        factory.setPassword(password);
        factory.setMinSize(1);
        factory.setInitialSize(1);
        factory.setMaxSize(4);
        return factory.build(new MetricRegistry(), user);
    }
}
