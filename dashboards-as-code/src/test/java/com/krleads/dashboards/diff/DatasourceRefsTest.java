package com.krleads.dashboards.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.krleads.dashboards.Settings;
import org.junit.jupiter.api.Test;

class DatasourceRefsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    private final DatasourceRefs plain = DatasourceRefs.of(MAPPER.createObjectNode());

    @Test
    void everyFormOfTheProvisionedPrometheusIsTheSame() throws Exception {
        DatasourceRefs external = DatasourceRefs.of(json("""
                {"__inputs": [{"name": "DS_PROMETHEUS", "label": "Prometheus", "type": "datasource",
                               "pluginId": "prometheus", "pluginName": "Prometheus"}]}"""));
        String uid = Settings.DATASOURCE_UID;

        assertThat(plain.canonical(json("{\"type\": \"prometheus\", \"uid\": \"" + uid + "\"}"))).isEqualTo(uid);
        assertThat(plain.canonical(json("{\"uid\": \"" + uid + "\"}"))).isEqualTo(uid);
        assertThat(plain.canonical(json("\"" + Settings.DATASOURCE_NAME + "\""))).isEqualTo(uid);
        assertThat(plain.canonical(null)).isEqualTo(uid);
        assertThat(plain.canonical(json("{\"type\": \"prometheus\"}"))).isEqualTo(uid);
        assertThat(external.canonical(json("{\"type\": \"prometheus\", \"uid\": \"${DS_PROMETHEUS}\"}"))).isEqualTo(uid);
        assertThat(external.canonical(json("\"${DS_PROMETHEUS}\""))).isEqualTo(uid);
    }

    @Test
    void aVariableStaysAVariableInEveryForm() throws Exception {
        assertThat(plain.canonical(json("{\"type\": \"prometheus\", \"uid\": \"${datasource}\"}"))).isEqualTo("$datasource");
        assertThat(plain.canonical(json("\"$datasource\""))).isEqualTo("$datasource");
        assertThat(plain.canonical(json("\"[[datasource]]\""))).isEqualTo("$datasource");
    }

    @Test
    void otherDatasourcesKeepTheirUid() throws Exception {
        assertThat(plain.canonical(json("{\"type\": \"loki\", \"uid\": \"logs\"}"))).isEqualTo("logs");
        assertThat(plain.canonical(json("\"-- Mixed --\""))).isEqualTo("-- Mixed --");
    }
}
