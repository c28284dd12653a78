package com.krleads.scraper.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.resources.SourceResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every resource method of the API carries a role (a method without one would be open to all),
 * the roles follow the rule "reading: reader, anything else: operator", and the endpoint table
 * that the application test walks lists exactly the methods there are.
 */
class ResourceRolesTest {

    @Test
    void everyResourceMethodHasTheRoleItsHttpMethodCallsFor() throws Exception {
        List<String> found = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class)
                        ? method.getAnnotation(RolesAllowed.class) : resource.getAnnotation(RolesAllowed.class);
                String where = resource.getSimpleName() + "." + method.getName();
                assertThat(roles).as("%s has @RolesAllowed", where).isNotNull();
                String expected = http.equals(HttpMethod.GET) ? Role.READER_NAME : Role.OPERATOR_NAME;
                assertThat(roles.value()).as(where).containsExactly(expected);
                found.add(http + " " + template(resource, method) + " " + expected);
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(ApiEndpoints.ALL.stream()
                .map(e -> e.method() + " " + e.template() + " " + e.needs().label()).toList());
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String template(Class<?> resource, Method method) {
        Path sub = method.getAnnotation(Path.class);
        return resource.getAnnotation(Path.class).value() + (sub == null ? "" : sub.value());
    }

    private static List<Class<?>> resourceClasses() throws Exception {
        URL anyResource = SourceResource.class.getResource(SourceResource.class.getSimpleName() + ".class");
        try (Stream<java.nio.file.Path> files = Files.list(Paths.get(anyResource.toURI()).getParent())) {
            List<Class<?>> classes = new ArrayList<>();
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(SourceResource.class.getPackageName() + "." + name);
                if (type.isAnnotationPresent(Path.class)) {
                    classes.add(type);
                }
            }
            assertThat(classes).hasSizeGreaterThanOrEqualTo(4);
            return classes;
        }
    }
}
