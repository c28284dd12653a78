package com.krleads.scraper.demo;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.servlets.assets.AssetServlet;
import java.nio.charset.StandardCharsets;

/** Serves the bundled demo directory pages (src/main/resources/demo-site) under /demo/. */
public final class DemoSite {
    public static final String PATH = "/demo";
    public static final String START_PAGE = PATH + "/page1.html";

    private DemoSite() {
    }

    public static void register(Environment environment) {
        environment.servlets()
                .addServlet("demo-site", new AssetServlet("/demo-site", PATH, "index.html", StandardCharsets.UTF_8))
                .addMapping(PATH + "/*");
    }
}
