package com.usdtagent.application.shared;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a log may say about an unexpected failure: its classes, the SQL state and where in our code it happened.
 * Never the messages: a database driver's carries the statement's bound values (a device token, a phone number),
 * and a stack trace prints every message of the chain.
 */
public final class FailureLog {

    private static final int OWN_FRAMES = 3;

    private FailureLog() {
    }

    /** Such as {@code UnableToExecuteStatementException <- PSQLException, SQL state 22021, at JdbiDevices.add:41}. */
    public static String describe(Throwable failure) {
        StringBuilder line = new StringBuilder(failure.getClass().getName());
        String sqlState = null;
        for (Throwable cause = failure.getCause(); cause != null && cause != failure; cause = cause.getCause()) {
            line.append(" <- ").append(cause.getClass().getName());
            if (cause instanceof SQLException sql && sqlState == null) {
                sqlState = sql.getSQLState();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        if (failure instanceof SQLException sql) {
            sqlState = sql.getSQLState();
        }
        if (sqlState != null) {
            line.append(", SQL state ").append(sqlState);
        }
        String where = Arrays.stream(failure.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith("com.usdtagent."))
                .limit(OWN_FRAMES)
                .map(frame -> frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1)
                        + "." + frame.getMethodName() + ":" + frame.getLineNumber())
                .collect(Collectors.joining(" < "));
        return where.isEmpty() ? line.toString() : line.append(", at ").append(where).toString();
    }
}
