package com.usdtagent.domain.shared;

import java.util.List;

/**
 * A refusal with a contract code. Thrown by the domain and the use cases; each inbound adapter maps it,
 * in one place, to its own error format.
 */
public class BusinessException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> details;

    public BusinessException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public BusinessException(ErrorCode code, String message, List<FieldError> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public static BusinessException invalidField(String field, String message) {
        return new BusinessException(ErrorCode.VALIDATION_FAILED, "Request validation failed",
                List.of(new FieldError(field, message)));
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> details() {
        return details;
    }
}
