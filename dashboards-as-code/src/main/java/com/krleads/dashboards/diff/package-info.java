/**
 * The drift report: compares a dashboard exported from Grafana with the dashboard this module
 * generates, after removing what Grafana adds or rewrites on export, and lists the changes a
 * developer would port back into the Java.
 */
package com.krleads.dashboards.diff;
