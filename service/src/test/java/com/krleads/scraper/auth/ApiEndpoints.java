package com.krleads.scraper.auth;

import java.util.List;

/**
 * Every endpoint of the API with the role it needs: reading needs a reader (or an operator),
 * anything else an operator. Paths name ids that do not exist and bodies that do not validate,
 * so an allowed call answers 404 or 422 and changes nothing.
 */
final class ApiEndpoints {
    record Endpoint(String method, String template, String path, String body, Role needs) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    static final List<Endpoint> ALL = List.of(
            new Endpoint("GET", "/api/sources", "/api/sources", null, Role.READER),
            new Endpoint("GET", "/api/sources/{id}", "/api/sources/999999", null, Role.READER),
            new Endpoint("POST", "/api/sources", "/api/sources", "{}", Role.OPERATOR),
            new Endpoint("PUT", "/api/sources/{id}", "/api/sources/999999", "{}", Role.OPERATOR),
            new Endpoint("DELETE", "/api/sources/{id}", "/api/sources/999999", null, Role.OPERATOR),
            new Endpoint("GET", "/api/jobs", "/api/jobs", null, Role.READER),
            new Endpoint("GET", "/api/jobs/{id}", "/api/jobs/999999", null, Role.READER),
            new Endpoint("POST", "/api/jobs", "/api/jobs", "{}", Role.OPERATOR),
            new Endpoint("POST", "/api/jobs/{id}/cancel", "/api/jobs/999999/cancel", null, Role.OPERATOR),
            new Endpoint("GET", "/api/leads", "/api/leads", null, Role.READER),
            new Endpoint("GET", "/api/leads/{id}", "/api/leads/999999", null, Role.READER),
            new Endpoint("GET", "/api/duplicates", "/api/duplicates", null, Role.READER),
            new Endpoint("POST", "/api/duplicates/{id}/merge", "/api/duplicates/999999/merge", null, Role.OPERATOR),
            new Endpoint("POST", "/api/duplicates/{id}/dismiss", "/api/duplicates/999999/dismiss", null,
                    Role.OPERATOR));

    private ApiEndpoints() {
    }
}
