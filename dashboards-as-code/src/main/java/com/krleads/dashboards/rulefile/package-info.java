/**
 * The shape of a Prometheus rule file: groups of recording and alerting rules, the annotations
 * every alert carries, and the template snippets alert texts use. The rules themselves are
 * declared in {@code rules} (recording) and {@code alerts}.
 */
package com.krleads.dashboards.rulefile;
