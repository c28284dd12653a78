/** JMH benchmarks and the pipeline load run; see docs/MONITORING.md for the commands and docs/results for the figures. */
package com.krleads.benchmarks;
