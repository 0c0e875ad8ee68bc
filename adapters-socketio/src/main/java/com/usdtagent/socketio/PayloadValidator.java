package com.usdtagent.socketio;

import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.shared.FieldError;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.Comparator;
import java.util.List;

/** Jakarta Validation of event payloads; every failing field goes into {@code details}. */
final class PayloadValidator {

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    <T> T requireValid(T payload) {
        var violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            List<FieldError> details = violations.stream()
                    // a list's element is named "items[2].<list element>"; the contract names it "items[2]"
                    .map(violation -> new FieldError(violation.getPropertyPath().toString().replace(".<list element>", ""),
                            violation.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                    .toList();
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "Request validation failed", details);
        }
        return payload;
    }
}
