package com.krleads.scraper.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import com.krleads.metrics.MetricCatalog;
import com.krleads.metrics.MetricFamily;
import com.krleads.scraper.metrics.bridge.LabelledFamily;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service binds every family its catalog declares, once each, straight from the declaration. */
class ServiceMetricsTest {
    private final ServiceMetrics metrics = new ServiceMetrics(new MetricRegistry());

    @Test
    void everyFamilyDeclaredInTheCatalogIsBoundExactlyOnce() {
        List<MetricFamily> declared = declaredIn(MetricCatalog.class);
        List<MetricFamily> bound = metrics.families().stream().<MetricFamily>map(LabelledFamily::family).toList();

        assertThat(declared).hasSize(MetricCatalog.ALL.size() + MetricCatalog.SELF.size());
        assertThat(problems(declared, bound)).isEmpty();
    }

    @Test
    void theCheckNamesAFamilyNotBoundAndOneBoundTwice() {
        List<MetricFamily> declared = List.of(MetricCatalog.HTTP_REQUESTS, MetricCatalog.QUEUE_SIZE);
        List<MetricFamily> bound = List.of(MetricCatalog.HTTP_REQUESTS, MetricCatalog.HTTP_REQUESTS, MetricCatalog.BUILD_INFO);

        assertThat(problems(declared, bound)).containsExactlyInAnyOrder(
                "queue_size declared but not bound", "http_requests_total bound 2 times", "build_info bound but not declared");
    }

    @Test
    void eachFamilyIsFoundByItsDeclarationWithItsDeclaredType() {
        for (MetricFamily family : ServiceMetrics.RECORDED) {
            LabelledFamily<?> labelled = switch (family.type()) {
                case COUNTER -> metrics.counters(family);
                case GAUGE -> metrics.gauges(family);
                case HISTOGRAM -> metrics.histograms(family);
                case SUMMARY -> throw new AssertionError(family.name() + " is a summary: the service records none");
            };
            assertThat(labelled.family()).isSameAs(family);
        }
        assertThatThrownBy(() -> metrics.gauges(MetricCatalog.HTTP_REQUESTS)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Every {@code MetricFamily} constant the class declares, whether or not it is listed in ALL or SELF. */
    private static List<MetricFamily> declaredIn(Class<?> catalog) {
        List<MetricFamily> families = new ArrayList<>();
        for (Field field : catalog.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == MetricFamily.class) {
                try {
                    families.add((MetricFamily) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(field + " is not readable", e);
                }
            }
        }
        return families;
    }

    private static List<String> problems(List<MetricFamily> declared, List<MetricFamily> bound) {
        List<String> problems = new ArrayList<>();
        for (MetricFamily family : declared) {
            long times = bound.stream().filter(b -> b == family).count();
            if (times == 0) {
                problems.add(family.name() + " declared but not bound");
            } else if (times > 1) {
                problems.add(family.name() + " bound " + times + " times");
            }
        }
        bound.stream().filter(b -> declared.stream().noneMatch(d -> d == b)).distinct()
                .forEach(family -> problems.add(family.name() + " bound but not declared"));
        return problems;
    }
}
