package com.krleads.scraper.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import com.krleads.scraper.testing.OllamaStub;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OllamaHealthCheckTest {

    @Test
    void healthyWhenOllamaListsItsModels() throws Exception {
        try (OllamaStub ollama = OllamaStub.start()) {
            HealthCheck.Result result = new OllamaHealthCheck(ollama.baseUrl() + "/", Duration.ofSeconds(1)).execute();
            assertThat(result.isHealthy()).isTrue();
        }
    }

    @Test
    void unhealthyWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HealthCheck.Result result = new OllamaHealthCheck("http://127.0.0.1:" + closedPort, Duration.ofMillis(500)).execute();
        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).contains("/api/tags").contains("ConnectException");
    }

    @Test
    void unhealthyWhenTheAnswerIsNot200() throws Exception {
        try (OllamaStub ollama = OllamaStub.start()) {
            ollama.behave(OllamaStub.Behaviour.SERVER_ERROR);
            HealthCheck.Result result = new OllamaHealthCheck(ollama.baseUrl(), Duration.ofSeconds(1)).execute();
            assertThat(result.isHealthy()).isFalse();
            assertThat(result.getMessage()).contains("HTTP 500");
        }
    }
}
