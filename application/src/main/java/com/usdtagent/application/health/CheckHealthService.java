package com.usdtagent.application.health;

public final class CheckHealthService implements CheckHealth {

    private final DatabaseProbe database;

    public CheckHealthService(DatabaseProbe database) {
        this.database = database;
    }

    @Override
    public boolean healthy() {
        return database.answers();
    }
}
