package com.usdtagent.application.push;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.shared.BusinessException;

/** A signed-in app hands over its FCM token so that pushes reach it in the background. */
public interface RegisterDevice {

    void register(AuthenticatedUser caller, Command command);

    record Command(String token, DevicePlatform platform) {
        public Command {
            DeviceTokens.requireAcceptable(token);
            if (platform == null) {
                throw BusinessException.invalidField("platform", "must be android, ios or web");
            }
        }

        @Override
        public String toString() {
            return "RegisterDevice.Command[" + platform + "]";
        }
    }
}
