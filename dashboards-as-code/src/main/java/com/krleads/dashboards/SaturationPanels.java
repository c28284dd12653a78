package com.krleads.dashboards;

import static com.krleads.dashboards.DashboardDefaults.Q;
import static com.krleads.dashboards.query.Promql.legend;
import static com.krleads.dashboards.query.Promql.max;
import static com.krleads.dashboards.query.Promql.ratio;
import static com.krleads.dashboards.query.Promql.sum;
import static com.krleads.metrics.Labels.INSTANCE;
import static com.krleads.metrics.Labels.REVISION;
import static com.krleads.metrics.Labels.VERSION;

import com.krleads.dashboards.model.PanelBuilder;
import com.krleads.dashboards.model.TablePanel;
import com.krleads.dashboards.query.Promql;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.MetricCatalog;
import com.krleads.metrics.MetricFamily;

/**
 * System Health's utilisation and saturation panels, per replica: CPU, uptime and restarts, the
 * running build, file descriptors against their limit, Jetty's request threads and the database pool.
 */
final class SaturationPanels {
    private SaturationPanels() {
    }

    static PanelBuilder<?> cpu() {
        return DashboardDefaults.timeseries("CPU", "CPU time used per second by each replica's process (user and system): "
                                + "100% is one core fully busy.", DashboardDefaults.UNIT_RATIO)
                .target(DashboardDefaults.query(sum(Q.rate(KnownSeries.PROCESS_CPU_SECONDS.name()), INSTANCE), legend(INSTANCE)))
                .min(0)
                .size(8, 8);
    }

    static PanelBuilder<?> uptime() {
        return DashboardDefaults.stat("Uptime", "Time since each replica's process started.", DashboardDefaults.UNIT_SECONDS)
                .target(DashboardDefaults.instant("time() - " + perInstance(KnownSeries.PROCESS_START_TIME_SECONDS), legend(INSTANCE)))
                .noSparkline()
                .colorByThresholds()
                .thresholds(DashboardDefaults.informational())
                .noValue("no data")
                .size(4, 8);
    }

    static PanelBuilder<?> restarts() {
        return DashboardDefaults.stat("Restarts", "Restarts of each replica in the selected range (changes of its process start "
                                + "time); the Restarts annotation marks them on every graph.", DashboardDefaults.UNIT_COUNT)
                .target(DashboardDefaults.instant(sum("changes(" + Q.select(KnownSeries.PROCESS_START_TIME_SECONDS.name())
                        + "[" + Promql.RANGE + "])", INSTANCE), legend(INSTANCE)))
                .noSparkline()
                .colorByThresholds()
                .thresholds(DashboardDefaults.lowerIsBetter(1, 3))
                .noValue("0")
                .decimals(0)
                .size(4, 8);
    }

    /** One row per replica and build: a replica shows two rows while it changes version. */
    static PanelBuilder<?> runningBuild() {
        return TablePanel.builder()
                .title("Running build")
                .description("Version and source revision of the build each replica runs (" + MetricCatalog.BUILD_INFO.name() + "); the "
                        + "Version changes annotation marks deploys on every graph.")
                .datasource(DashboardDefaults.DATASOURCE)
                .target(DashboardDefaults.instant(max(Q.select(MetricCatalog.BUILD_INFO.name()), INSTANCE, VERSION, REVISION), "")
                        .tableFormat())
                .labelsOnly()
                .noValue("no build information")
                .size(8, 8);
    }

    static PanelBuilder<?> fileDescriptors() {
        return DashboardDefaults.timeseries("Open file descriptors", "Open file descriptors of each replica as a share of its "
                                + "limit (" + KnownSeries.PROCESS_MAX_FDS.name() + "); at 100% new connections and files fail.",
                        DashboardDefaults.UNIT_RATIO)
                .target(DashboardDefaults.query(ratio(perInstance(KnownSeries.PROCESS_OPEN_FDS), perInstance(KnownSeries.PROCESS_MAX_FDS)),
                        legend(INSTANCE)))
                .thresholds(DashboardDefaults.lowerIsBetter(0.8, 0.9))
                .noValue("no data")
                .min(0).max(1)
                .size(8, 8);
    }

    static PanelBuilder<?> jettyBusy() {
        return DashboardDefaults.timeseries("Jetty threads busy", "Busy request threads of each replica as a share of the pool's "
                                + "maximum: at 100% requests wait in Jetty's queue.", DashboardDefaults.UNIT_RATIO)
                .target(DashboardDefaults.query(perInstance(KnownSeries.JETTY_THREADS_BUSY_OF_MAX), legend(INSTANCE)))
                .thresholds(DashboardDefaults.lowerIsBetter(0.8, 0.95))
                .min(0).max(1)
                .size(8, 8);
    }

    static PanelBuilder<?> jettyPool() {
        return DashboardDefaults.timeseries("Jetty thread pool", "Threads in each replica's request pool and requests queued "
                                + "waiting for one (any queue means the pool is saturated).", DashboardDefaults.UNIT_COUNT)
                .target(DashboardDefaults.query(perInstance(KnownSeries.JETTY_THREADS), "threads " + legend(INSTANCE)))
                .target(DashboardDefaults.query(perInstance(KnownSeries.JETTY_QUEUED_JOBS), "queued " + legend(INSTANCE)))
                .fillOpacity(0)
                .size(8, 8);
    }

    static PanelBuilder<?> databasePool() {
        return DashboardDefaults.timeseries("Database pool", "Connections of each replica's database pool in use and idle, and "
                                + "threads waiting for one (any wait means the pool is too small or the database slow).",
                        DashboardDefaults.UNIT_COUNT)
                .target(DashboardDefaults.query(perInstance(KnownSeries.DB_POOL_ACTIVE), "active " + legend(INSTANCE)))
                .target(DashboardDefaults.query(perInstance(KnownSeries.DB_POOL_IDLE), "idle " + legend(INSTANCE)))
                .target(DashboardDefaults.query(perInstance(KnownSeries.DB_POOL_WAITING), "waiting " + legend(INSTANCE)))
                .fillOpacity(0)
                .size(8, 8);
    }

    /** A gauge per replica: its labels reduced to the instance. */
    private static String perInstance(MetricFamily gauge) {
        return max(Q.select(gauge.name()), INSTANCE);
    }
}
