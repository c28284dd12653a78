/**
 * The alerting rules, by group: the service (targets, queue, scraping, health), its sources, the
 * SLO burn rates and the monitoring pipeline itself. Queries read the recorded series of
 * {@code rules} where one exists.
 */
package com.krleads.dashboards.alerts;
