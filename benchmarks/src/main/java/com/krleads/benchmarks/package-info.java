/** JMH benchmarks; see docs/MONITORING.md for the command and the measured table. */
package com.krleads.benchmarks;
