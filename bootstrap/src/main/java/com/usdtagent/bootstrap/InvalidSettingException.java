package com.usdtagent.bootstrap;

/** A configuration value the server cannot start with; its message is the one line the operator sees. */
final class InvalidSettingException extends RuntimeException {

    InvalidSettingException(String variable, String problem) {
        super(variable + ": " + problem);
    }
}
