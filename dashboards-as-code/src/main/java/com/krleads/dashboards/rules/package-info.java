/**
 * The recording rules: request rates per job, and per SLO everything the burn-rate alerts and the
 * SLO dashboard read (ratios, burn rates, budgets, each burn-rate pair's threshold).
 */
package com.krleads.dashboards.rules;
