package com.krleads.scraper.resources.errors;

import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * A request body that breaks its declared constraints, in the API's error shape rather than
 * Dropwizard's {@code {"errors": [...]}}: a 422 naming the first fault. First means in the
 * order the body declares its fields and, within a field, absent before too long before
 * malformed, so a body with several faults always gets the same answer.
 */
public class ViolationMapper implements ExceptionMapper<JerseyViolationException> {
    private static final Comparator<ConstraintViolation<?>> FIRST_FAULT =
            Comparator.<ConstraintViolation<?>, List<Integer>>comparing(ViolationMapper::declaredOrder,
                    ViolationMapper::lexicographic).thenComparingInt(ViolationMapper::checkOrder);

    private final ApiExceptionMapper errors = new ApiExceptionMapper();

    @Override
    public Response toResponse(JerseyViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream().min(FIRST_FAULT).orElseThrow();
        return errors.toResponse(ApiException.invalid(field(first), first.getMessage()));
    }

    /** The JSON path of the faulty value inside the body, e.g. {@code selectors.item}. */
    private static String field(ConstraintViolation<?> violation) {
        StringJoiner path = new StringJoiner(".");
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                path.add(node.getName());
            }
        }
        return path.length() == 0 ? null : path.toString();
    }

    /** The position of each field on the path among its record's components. */
    private static List<Integer> declaredOrder(ConstraintViolation<?> violation) {
        List<Integer> order = new ArrayList<>();
        Class<?> type = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                Object body = violation.getExecutableParameters()[node.as(Path.ParameterNode.class).getParameterIndex()];
                type = body == null ? null : body.getClass();
            } else if (node.getKind() == ElementKind.PROPERTY && type != null && type.isRecord()) {
                List<String> names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
                int index = names.indexOf(node.getName());
                order.add(index);
                type = index < 0 ? null : type.getRecordComponents()[index].getType();
            }
        }
        return order;
    }

    private static int lexicographic(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int compared = Integer.compare(a.get(i), b.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int checkOrder(ConstraintViolation<?> violation) {
        Class<? extends Annotation> kind = violation.getConstraintDescriptor().getAnnotation().annotationType();
        return kind == NotNull.class ? 0 : kind == Size.class ? 1 : 2;
    }
}
