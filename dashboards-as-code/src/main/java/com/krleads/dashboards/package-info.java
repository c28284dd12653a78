/** Generates the Grafana dashboards, provisioning files and Prometheus rules from the metric catalog. */
package com.krleads.dashboards;
