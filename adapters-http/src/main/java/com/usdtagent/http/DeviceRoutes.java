package com.usdtagent.http;

import com.usdtagent.application.push.DevicePlatform;
import com.usdtagent.application.push.ForgetDevice;
import com.usdtagent.application.push.RegisterDevice;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code /api/devices}: the caller's FCM tokens, so that pushes reach their phone. */
final class DeviceRoutes {

    record RegisterDeviceRequest(
            @NotNull String token,
            @NotNull @Pattern(regexp = "android|ios|web", message = "must be android, ios or web") String platform) {

        @Override
        public String toString() {
            // a device token lets anyone push to the phone
            return "RegisterDeviceRequest[" + platform + "]";
        }
    }

    private final RegisterDevice registerDevice;
    private final ForgetDevice forgetDevice;
    private final RequestBodies requestBodies;

    DeviceRoutes(RegisterDevice registerDevice, ForgetDevice forgetDevice, RequestBodies requestBodies) {
        this.registerDevice = registerDevice;
        this.forgetDevice = forgetDevice;
        this.requestBodies = requestBodies;
    }

    void addTo(RoutesConfig routes) {
        routes.post("/api/devices", this::register);
        routes.delete("/api/devices/{token}", this::forget);
    }

    private void register(Context ctx) {
        RegisterDeviceRequest request = requestBodies.read(ctx, RegisterDeviceRequest.class);
        registerDevice.register(BearerAuthentication.caller(ctx),
                new RegisterDevice.Command(request.token(), DevicePlatform.ofWireName(request.platform())));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void forget(Context ctx) {
        forgetDevice.forget(BearerAuthentication.caller(ctx), ctx.pathParam("token"));
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
