package com.krleads.scraper.cli;

import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.db.DatabaseMigrations;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.flywaydb.core.api.output.MigrateResult;

/** {@code db migrate config.yml}: applies the schema migrations and exits. */
public class MigrateCommand extends ConfiguredCommand<LeadScraperConfiguration> {

    public MigrateCommand() {
        super("db", "Database tasks: 'db migrate <config>' applies the schema migrations");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("migrate").help("the database task to run");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<LeadScraperConfiguration> bootstrap, Namespace namespace,
                       LeadScraperConfiguration configuration) throws Exception {
        ManagedDataSource dataSource = configuration.database.build(bootstrap.getMetricRegistry(), "migrate");
        try {
            MigrateResult result = DatabaseMigrations.migrate(dataSource);
            System.out.printf("Applied %d migration(s); schema version %s%n",
                    result.migrationsExecuted,
                    result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion);
        } finally {
            dataSource.stop();
        }
    }
}
