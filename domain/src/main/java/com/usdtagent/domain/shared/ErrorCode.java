package com.usdtagent.domain.shared;

/** The error codes of the contracts (docs/ and openapi.json): every refusal the service gives names one of these. */
public enum ErrorCode {
    UNAUTHORIZED,
    VALIDATION_FAILED,
    FORBIDDEN,
    NOT_FOUND,
    INVALID_STATE,
    CONFLICT,
    INSUFFICIENT_FUNDS,
    BUSY,
    RATE_LIMITED,
    PAYLOAD_TOO_LARGE,
    INTERNAL
}
