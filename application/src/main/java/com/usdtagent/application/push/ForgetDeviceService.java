package com.usdtagent.application.push;

import com.usdtagent.application.account.AuthenticatedUser;

public final class ForgetDeviceService implements ForgetDevice {

    private final Devices devices;

    public ForgetDeviceService(Devices devices) {
        this.devices = devices;
    }

    @Override
    public void forget(AuthenticatedUser caller, String token) {
        DeviceTokens.requireAcceptable(token);
        devices.forget(caller.id(), token);
    }
}
