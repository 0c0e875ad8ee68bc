package com.usdtagent.application.push;

import com.usdtagent.application.account.AuthenticatedUser;

import java.time.Clock;

public final class RegisterDeviceService implements RegisterDevice {

    private final Devices devices;
    private final Clock clock;

    public RegisterDeviceService(Devices devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    @Override
    public void register(AuthenticatedUser caller, Command command) {
        devices.register(caller.id(), command.token(), command.platform(), clock.instant());
    }
}
