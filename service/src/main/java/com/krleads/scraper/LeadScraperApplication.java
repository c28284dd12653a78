package com.krleads.scraper;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;

public class LeadScraperApplication extends Application<LeadScraperConfiguration> {

    public static void main(String[] args) throws Exception {
        new LeadScraperApplication().run(args);
    }

    @Override
    public String getName() {
        return "kr-lead-scraper";
    }

    @Override
    public void initialize(Bootstrap<LeadScraperConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    }

    @Override
    public void run(LeadScraperConfiguration config, Environment environment) {
        // Wiring is added by the service-core and metrics work.
    }
}
