package com.usdtagent.http;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.shared.FieldError;
import com.usdtagent.domain.shared.Text;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads a JSON request body into a record and checks its Jakarta constraints, refusing with {@code VALIDATION_FAILED}. */
final class RequestBodies {

    private static final String REFUSED = "Request validation failed";

    private final ObjectMapper objectMapper;
    private final Validator validator;

    RequestBodies(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        // parameters only, no expression language; the root locale keeps messages the same on every machine
        this.validator = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator(Set.of(Locale.ROOT), Locale.ROOT, false))
                .buildValidatorFactory()
                .getValidator();
    }

    /**
     * Javalin refuses a body over {@code maxRequestSize} with 413 while it is read here. Only
     * {@code application/json} is read: a form or {@code text/plain} is what another site can post without a preflight.
     */
    <T> T read(Context ctx, Class<T> type) {
        if (!isJson(ctx.contentType())) {
            throw new NotJson();
        }
        JsonNode tree = readObject(ctx.bodyAsBytes());
        List<FieldError> unstorable = new ArrayList<>();
        collectTextProblems(tree, "", unstorable);
        T body = bind(tree, type);
        List<FieldError> violations = Stream.concat(unstorable.stream(), validator.validate(body).stream()
                        // a list's element is named "items[2].<list element>"; the contract names it "items[2]"
                        .map(violation -> new FieldError(
                                violation.getPropertyPath().toString().replace(".<list element>", ""),
                                violation.getMessage())))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (!violations.isEmpty()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, REFUSED, violations);
        }
        return body;
    }

    private static boolean isJson(String contentType) {
        return contentType != null
                && contentType.split(";", 2)[0].strip().equalsIgnoreCase(ContentType.JSON);
    }

    /** A body that is not {@code application/json}: answered with 415. */
    static final class NotJson extends BusinessException {
        NotJson() {
            super(ErrorCode.VALIDATION_FAILED, "The body must be application/json",
                    List.of(new FieldError("Content-Type", "must be application/json")));
        }
    }

    private JsonNode readObject(byte[] bytes) {
        JsonNode tree;
        try {
            tree = objectMapper.readTree(bytes);
        } catch (StreamReadException e) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, e.getMessage().contains("Duplicate field")
                    ? "The body repeats a field" : "The body is not valid JSON");
        } catch (IOException e) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "The body is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "The body must be a JSON object");
        }
        return tree;
    }

    private <T> T bind(JsonNode tree, Class<T> type) {
        try {
            return objectMapper.treeToValue(tree, type);
        } catch (MismatchedInputException e) {
            throw BusinessException.invalidField(fieldPath(e), "has the wrong JSON type");
        } catch (JsonMappingException e) {
            if (!(e.getCause() instanceof InputCoercionException)) {
                throw bindingBug(type, e);
            }
            // a number too large for its field, such as 2147483648 for an int
            throw BusinessException.invalidField(fieldPath(e), "is out of range");
        } catch (IOException e) {
            throw bindingBug(type, e);
        }
    }

    /** Any other failure to bind a well-formed object is a bug in the request record. */
    private static IllegalStateException bindingBug(Class<?> type, IOException e) {
        return new IllegalStateException("Cannot bind a JSON object to " + type.getSimpleName(), e);
    }

    /** Every string in the body, at any depth, must be text PostgreSQL can store and a person could have typed. */
    private static void collectTextProblems(JsonNode node, String path, List<FieldError> problems) {
        if (node.isTextual()) {
            Text.problem(node.textValue()).ifPresent(why -> problems.add(new FieldError(path, why)));
        } else if (node.isObject()) {
            node.properties().forEach(field -> collectTextProblems(field.getValue(),
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectTextProblems(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    /** {@code a.b[0]} for the field a Jackson failure is about. */
    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
