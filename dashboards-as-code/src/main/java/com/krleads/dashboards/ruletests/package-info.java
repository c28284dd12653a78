/**
 * The promtool unit tests ({@code promtool test rules}) of the generated rules: input series
 * and, at given times, the alerts expected to fire or stay quiet. They are generated output
 * written beside the rule files, so they live in main.
 */
package com.krleads.dashboards.ruletests;
