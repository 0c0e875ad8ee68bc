package com.usdtagent.application.shared;

import java.util.function.Supplier;

/** Runs work in one database transaction, so that a use case can span several repositories. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
