package com.usdtagent.http;

import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.Text;
import io.javalin.http.Context;

import java.util.Optional;
import java.util.UUID;

/** Path and query parameters read the same way on every route, refused as {@code VALIDATION_FAILED} when malformed. */
final class Params {

    private Params() {
    }

    static UUID pathUuid(Context ctx, String name) {
        return uuid(name, ctx.pathParam(name));
    }

    /** A query parameter, refused when it holds what no text may (NUL, control characters, lone surrogates). */
    static Optional<String> query(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Text.problem(value).ifPresent(why -> {
            throw BusinessException.invalidField(name, why);
        });
        return Optional.of(value);
    }

    static Optional<UUID> queryUuid(Context ctx, String name) {
        return query(ctx, name).map(value -> uuid(name, value));
    }

    static Optional<Long> queryLong(Context ctx, String name) {
        return query(ctx, name).map(value -> {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException notANumber) {
                throw BusinessException.invalidField(name, "must be a whole number");
            }
        });
    }

    static Optional<Integer> queryInt(Context ctx, String name) {
        return query(ctx, name).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException notANumber) {
                throw BusinessException.invalidField(name, "must be a whole number");
            }
        });
    }

    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            throw BusinessException.invalidField(name, "must be a UUID");
        }
    }

    /** An upper-case name of {@code type}, such as {@code SELL}. */
    static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            throw BusinessException.invalidField(name, "is not one of the allowed values");
        }
    }
}
