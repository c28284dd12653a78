package com.krleads.scraper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.LeadScraperApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandIT {

    @Test
    void dbMigrateCreatesTheSchemaInAnEmptyDatabase(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("leads").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                database:
                  driverClass: org.h2.Driver
                  url: "%s"
                  user: sa
                  password: ""
                logging:
                  level: WARN
                """.formatted(url));

        new LeadScraperApplication().run("db", "migrate", config.toString());
        new LeadScraperApplication().run("db", "migrate", config.toString());

        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertThat(tables).contains("sources", "jobs", "leads", "duplicate_candidates", "flyway_schema_history");
    }
}
